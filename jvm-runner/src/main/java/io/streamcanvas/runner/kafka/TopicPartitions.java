// The partitions a request names (a topic list or a topic pattern) and their earliest and latest offsets, read with a
// consumer that belongs to no group: the shared first step of sampling messages and of the offsets route.
package io.streamcanvas.runner.kafka;

import io.streamcanvas.runner.kafka.KafkaErrors.KafkaRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

public final class TopicPartitions {
  /** One partition with its offset range: `earliest` is the first offset kept, `latest` the next one to be written. */
  public record Range(TopicPartition partition, long earliest, long latest) {
    public long size() {
      return Math.max(0, latest - earliest);
    }
  }

  /** A topic list or a pattern (Java regex over whole topic names, as Flink's `topic-pattern`), exactly one of them. */
  public record Selection(List<String> topics, Pattern pattern) {
    public Selection {
      if ((topics == null || topics.isEmpty()) == (pattern == null)) throw new IllegalArgumentException("give either topics or pattern");
    }

    public String describe() {
      return pattern != null ? "pattern " + pattern.pattern() : String.join(", ", topics);
    }
  }

  private TopicPartitions() {}

  public static KafkaConsumer<byte[], byte[]> consumer(KafkaClientConfig config, String clientId, long timeoutMs) {
    return new KafkaConsumer<>(config.readOnlyConsumer(clientId, (int) Math.min(timeoutMs, Integer.MAX_VALUE)));
  }

  /** Every partition of the selection with its offset range, ordered by topic then partition. */
  public static List<Range> ranges(Consumer<byte[], byte[]> consumer, Selection selection, Deadline deadline) throws KafkaRequestException {
    List<TopicPartition> partitions = new ArrayList<>();
    if (selection.pattern() != null) {
      Map<String, List<PartitionInfo>> all = consumer.listTopics(deadline.left());
      all.forEach((topic, infos) -> {
        if (!topic.startsWith("__") && selection.pattern().matcher(topic).matches()) infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
      });
      if (partitions.isEmpty()) throw new KafkaRequestException(404, "no topic matches the pattern " + selection.pattern().pattern());
    } else {
      for (String topic : selection.topics()) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, deadline.left());
        if (infos == null || infos.isEmpty()) throw new KafkaRequestException(404, "topic \"" + topic + "\" does not exist on the cluster");
        infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
      }
    }
    partitions.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, deadline.left());
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, deadline.left());
    return partitions.stream().map(p -> new Range(p, begin.get(p), end.get(p))).toList();
  }

  /** A point in time every blocking call of one request must finish by. */
  public record Deadline(long atNanos) {
    public static Deadline in(long ms) {
      return new Deadline(System.nanoTime() + ms * 1_000_000);
    }

    public Duration left() {
      return Duration.ofNanos(Math.max(1_000_000, atNanos - System.nanoTime()));
    }

    public boolean passed() {
      return System.nanoTime() >= atNanos;
    }
  }
}
