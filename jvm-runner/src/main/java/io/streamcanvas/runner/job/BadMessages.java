// A Kafka source that fails on a message its format cannot read: Flink's error carries the message's text but not
// where it is, so the runner finds it again in the source's topics and names topic, partition, offset and its first
// 200 bytes (the "fail" bad-message policy's error; "skip" sets the format's ignore-parse-errors instead).
package io.streamcanvas.runner.job;

import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableProgram;
import io.streamcanvas.runner.kafka.KafkaClientConfig;
import io.streamcanvas.runner.kafka.TopicPartitions;
import io.streamcanvas.runner.kafka.TopicPartitions.Deadline;
import io.streamcanvas.runner.kafka.TopicPartitions.Range;
import io.streamcanvas.runner.kafka.TopicPartitions.Selection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

public final class BadMessages {
  /** A Kafka source of the job: its node, what it reads, its value format and its connection. */
  record Source(String node, Selection selection, String format, Connection connection) {}

  /** The text Flink's formats quote from the message they cannot read (json, csv, debezium-json, canal-json). */
  private static final Pattern QUOTED = Pattern.compile(
      "(?s)^(?:Failed to deserialize JSON|Failed to deserialize CSV row|Corrupt Debezium JSON message|Corrupt Canal JSON message) '(.*)'\\.?$");
  private static final String KAFKA_DESERIALIZE = "Failed to deserialize consumer record";
  static final int SHOWN_BYTES = 200;
  private static final long SEARCH_MS = 8_000;

  private BadMessages() {}

  /** The program's Kafka sources whose connection was given. */
  static List<Source> sources(TableProgram program, Map<String, Connection> connections) {
    List<Source> out = new ArrayList<>();
    for (Statement s : program.statements()) {
      if (!(s instanceof Statement.From f) || !"kafka".equals(f.descriptor().connector())) continue;
      Connection c = connections.get(f.descriptor().connection());
      Map<String, String> o = f.descriptor().options();
      if (c == null) continue;
      Selection sel = o.containsKey("topic-pattern") ? new Selection(null, Pattern.compile(o.get("topic-pattern")))
          : new Selection(List.of(o.getOrDefault("topic", "").split(";")), null);
      out.add(new Source(f.table(), sel, o.getOrDefault("value.format", o.get("format")), c));
    }
    return out;
  }

  /** What to say instead of Flink's root cause, or null when the failure is not a Kafka message that did not parse. */
  static String explain(Throwable failure, List<Source> sources) {
    if (sources.isEmpty() || !mentions(failure, KAFKA_DESERIALIZE)) return null;
    String text = quotedMessage(failure);
    if (text == null) return null;
    byte[] bad = text.getBytes(StandardCharsets.UTF_8);
    Deadline deadline = Deadline.in(SEARCH_MS);
    for (Source s : sources) {
      String where = locate(s, bad, deadline);
      if (where != null) return "kafka source \"" + s.node() + "\" cannot read the message at " + where + " as " + s.format() + ": " + shown(bad);
    }
    return "a kafka source cannot read a message as " + sources.get(0).format() + " (not found again in its topics within "
        + SEARCH_MS / 1000 + " s): " + shown(bad);
  }

  /** The first 200 bytes as text, and how many there are. */
  static String shown(byte[] bad) {
    String head = new String(Arrays.copyOf(bad, Math.min(bad.length, SHOWN_BYTES)), StandardCharsets.UTF_8);
    return "\"" + head + "\"" + (bad.length > SHOWN_BYTES ? " (first " + SHOWN_BYTES + " of " + bad.length + " bytes)" : "");
  }

  /** topic "t", partition p, offset o of the first record whose value is `bad`; null when not found in time. */
  private static String locate(Source s, byte[] bad, Deadline deadline) {
    try (KafkaConsumer<byte[], byte[]> consumer = TopicPartitions.consumer(KafkaClientConfig.fromMap(s.connection().properties()),
        "streamcanvas-bad-message", SEARCH_MS)) {
      List<Range> ranges = TopicPartitions.ranges(consumer, s.selection(), deadline);
      consumer.assign(ranges.stream().map(Range::partition).toList());
      for (Range r : ranges) consumer.seek(r.partition(), r.earliest());
      Map<org.apache.kafka.common.TopicPartition, Long> end = new java.util.HashMap<>();
      ranges.forEach(r -> end.put(r.partition(), r.latest()));
      while (!deadline.passed() && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(200))) {
          if (rec.value() != null && Arrays.equals(rec.value(), bad)) {
            return "topic \"" + rec.topic() + "\", partition " + rec.partition() + ", offset " + rec.offset();
          }
        }
      }
    } catch (Exception e) {
      return null; // the error still shows the message itself
    }
    return null;
  }

  private static boolean mentions(Throwable t, String text) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && c.getMessage().contains(text)) return true;
    }
    return false;
  }

  private static String quotedMessage(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() == null) continue;
      Matcher m = QUOTED.matcher(c.getMessage().strip());
      if (m.matches()) return m.group(1);
    }
    return null;
  }
}
