// Reads the latest messages of each partition (assign + seek, no group: nothing committed, nothing written) within a
// deadline, for Propose columns and for a look at a topic: partition, offset, timestamp, key, value and headers.
package io.streamcanvas.runner.kafka;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.kafka.KafkaErrors.KafkaRequestException;
import io.streamcanvas.runner.kafka.TopicPartitions.Deadline;
import io.streamcanvas.runner.kafka.TopicPartitions.Range;
import io.streamcanvas.runner.kafka.TopicPartitions.Selection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

public final class KafkaSampler {
  /** Longer keys, values and header values are cut (and the message says so): a sample is for reading, not copying. */
  static final int MAX_FIELD_BYTES = 64 * 1024;

  public record Request(KafkaClientConfig config, Selection selection, int maxPerPartition, int max, long timeoutMs) {}

  private KafkaSampler() {}

  public static ObjectNode sample(Request req) throws KafkaRequestException {
    Deadline deadline = Deadline.in(req.timeoutMs());
    try (KafkaConsumer<byte[], byte[]> consumer = TopicPartitions.consumer(req.config(), "streamcanvas-sample", req.timeoutMs())) {
      List<Range> ranges = TopicPartitions.ranges(consumer, req.selection(), deadline);
      Map<TopicPartition, Long> from = plan(ranges, req.maxPerPartition(), req.max());
      Map<TopicPartition, Long> until = new HashMap<>();
      ranges.forEach(r -> until.put(r.partition(), r.latest()));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      boolean complete = read(consumer, from, until, deadline, records);
      records.sort(Comparator.<ConsumerRecord<byte[], byte[]>, String>comparing(ConsumerRecord::topic)
          .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
      return answer(ranges, from, records, complete);
    } catch (KafkaRequestException e) {
      throw e;
    } catch (RuntimeException e) {
      throw KafkaErrors.describe(e, req.config(), req.timeoutMs());
    }
  }

  /**
   * Where to start reading in each partition that has messages: the latest `perPartition` of it, and when the total
   * would pass `max`, an equal share per partition (a partition with fewer gives its rest to the others).
   */
  static Map<TopicPartition, Long> plan(List<Range> ranges, int perPartition, int max) {
    long cap = perPartition;
    long total = ranges.stream().mapToLong(r -> Math.min(r.size(), perPartition)).sum();
    if (total > max) {
      long lo = 0, hi = perPartition; // the largest per-partition share whose total fits in max
      while (lo < hi) {
        long mid = (lo + hi + 1) / 2;
        long sum = ranges.stream().mapToLong(r -> Math.min(r.size(), mid)).sum();
        if (sum <= max) lo = mid; else hi = mid - 1;
      }
      cap = lo;
    }
    Map<TopicPartition, Long> from = new HashMap<>();
    for (Range r : ranges) {
      long n = Math.min(r.size(), cap);
      if (n > 0) from.put(r.partition(), r.latest() - n);
    }
    return from;
  }

  /** Polls until every planned partition has reached its latest offset as read first; false when the deadline came first. */
  private static boolean read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from, Map<TopicPartition, Long> until,
      Deadline deadline, List<ConsumerRecord<byte[], byte[]>> out) {
    if (from.isEmpty()) return true;
    consumer.assign(from.keySet());
    from.forEach(consumer::seek);
    Set<TopicPartition> open = new HashSet<>(from.keySet());
    while (!open.isEmpty()) {
      if (deadline.passed()) return false;
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(min(deadline.left(), Duration.ofMillis(500)))) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.offset() >= from.get(tp) && r.offset() < until.get(tp)) out.add(r);
      }
      // a partition is done when its position passed the end read first (transaction markers take offsets too)
      for (TopicPartition tp : List.copyOf(open)) {
        if (consumer.position(tp, deadline.left()) >= until.get(tp)) open.remove(tp);
      }
      consumer.pause(from.keySet().stream().filter(tp -> !open.contains(tp)).toList());
    }
    return true;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static ObjectNode answer(List<Range> ranges, Map<TopicPartition, Long> from, List<ConsumerRecord<byte[], byte[]>> records, boolean complete) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Map<TopicPartition, Integer> read = new HashMap<>();
    ArrayNode messages = out.putArray("messages");
    for (ConsumerRecord<byte[], byte[]> r : records) {
      read.merge(new TopicPartition(r.topic(), r.partition()), 1, Integer::sum);
      ObjectNode m = messages.addObject().put("topic", r.topic()).put("partition", r.partition()).put("offset", r.offset())
          .put("timestamp", r.timestamp()).put("timestampType", r.timestampType().name);
      m.set("key", bytes(r.key()));
      m.set("value", bytes(r.value()));
      ArrayNode headers = m.putArray("headers");
      for (Header h : r.headers()) headers.addObject().put("key", h.key()).set("value", bytes(h.value()));
    }
    ArrayNode parts = out.putArray("partitions");
    for (Range r : ranges) {
      parts.addObject().put("topic", r.partition().topic()).put("partition", r.partition().partition())
          .put("earliest", r.earliest()).put("latest", r.latest()).put("from", from.getOrDefault(r.partition(), r.latest()))
          .put("read", read.getOrDefault(r.partition(), 0));
    }
    return out.put("complete", complete);
  }

  /** null, {"text": …} for valid UTF-8, or {"base64": …}; with "truncated": true when cut at MAX_FIELD_BYTES. */
  static ObjectNode bytes(byte[] b) {
    if (b == null) return null;
    boolean cut = b.length > MAX_FIELD_BYTES;
    byte[] kept = cut ? java.util.Arrays.copyOf(b, MAX_FIELD_BYTES) : b;
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    String text = utf8(kept, cut);
    if (text != null) o.put("text", text);
    else o.put("base64", Base64.getEncoder().encodeToString(kept));
    if (cut) o.put("truncated", true);
    return o;
  }

  /** The text when the bytes are valid UTF-8 (a cut may split the last character: that tail is dropped), else null. */
  private static String utf8(byte[] b, boolean cut) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int len = b.length;
    for (int drop = 0; drop <= (cut ? 3 : 0) && len - drop >= 0; drop++) {
      try {
        return decoder.reset().decode(ByteBuffer.wrap(b, 0, len - drop)).toString();
      } catch (CharacterCodingException e) {
        // try again without a possibly split last character
      }
    }
    return null;
  }
}
