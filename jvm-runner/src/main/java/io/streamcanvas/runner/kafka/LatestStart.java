// Where a preview's Kafka source starts so that it reads the latest N messages of each partition: exact offsets for one
// topic (Flink's specific-offsets takes a single topic), else the earliest timestamp among those messages (Flink's
// timestamp start; a partition may then give a few more). Asked of the broker with no consumer group, nothing committed.
package io.streamcanvas.runner.kafka;

import io.streamcanvas.runner.kafka.KafkaErrors.KafkaRequestException;
import io.streamcanvas.runner.kafka.TopicPartitions.Deadline;
import io.streamcanvas.runner.kafka.TopicPartitions.Range;
import io.streamcanvas.runner.kafka.TopicPartitions.Selection;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

public final class LatestStart {
  static final long TIMEOUT_MS = 10_000;

  private LatestStart() {}

  /** Flink options replacing the source's start position: scan.startup.mode and its offsets or timestamp. */
  public static Map<String, String> options(KafkaClientConfig config, Selection selection, int perPartition) throws KafkaRequestException {
    Deadline deadline = Deadline.in(TIMEOUT_MS);
    try (KafkaConsumer<byte[], byte[]> c = TopicPartitions.consumer(config, "streamcanvas-preview", TIMEOUT_MS)) {
      List<Range> ranges = TopicPartitions.ranges(c, selection, deadline);
      Map<TopicPartition, Long> from = new HashMap<>();
      for (Range r : ranges) from.put(r.partition(), Math.max(r.earliest(), r.latest() - perPartition));
      Map<String, String> o = new HashMap<>();
      if (selection.pattern() == null && selection.topics().size() == 1) {
        o.put("scan.startup.mode", "specific-offsets");
        o.put("scan.startup.specific-offsets", ranges.stream()
            .map(r -> "partition:" + r.partition().partition() + ",offset:" + from.get(r.partition())).collect(Collectors.joining(";")));
        return o;
      }
      Long ts = earliestTimestamp(c, ranges, from, deadline);
      if (ts == null) o.put("scan.startup.mode", "latest-offset");
      else {
        o.put("scan.startup.mode", "timestamp");
        o.put("scan.startup.timestamp-millis", String.valueOf(ts));
      }
      return o;
    } catch (KafkaRequestException e) {
      throw e;
    } catch (RuntimeException e) {
      throw KafkaErrors.describe(e, config, TIMEOUT_MS);
    }
  }

  /** The smallest timestamp of the first message to read in each partition that has one; null when all are empty. */
  private static Long earliestTimestamp(KafkaConsumer<byte[], byte[]> c, List<Range> ranges, Map<TopicPartition, Long> from, Deadline deadline) {
    Set<TopicPartition> open = new HashSet<>();
    for (Range r : ranges) if (r.size() > 0) open.add(r.partition());
    if (open.isEmpty()) return null;
    c.assign(open);
    open.forEach(tp -> c.seek(tp, from.get(tp)));
    Long min = null;
    while (!open.isEmpty() && !deadline.passed()) {
      for (ConsumerRecord<byte[], byte[]> rec : c.poll(Duration.ofMillis(200))) {
        TopicPartition tp = new TopicPartition(rec.topic(), rec.partition());
        if (!open.remove(tp)) continue;
        min = min == null ? rec.timestamp() : Math.min(min, rec.timestamp());
      }
      c.pause(ranges.stream().map(Range::partition).filter(tp -> !open.contains(tp) && c.assignment().contains(tp)).toList());
    }
    return min;
  }
}
