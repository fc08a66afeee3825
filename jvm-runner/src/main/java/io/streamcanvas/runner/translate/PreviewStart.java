// A preview's Kafka source asks to read the latest N messages per partition (option streamcanvas.scan.latest-per-partition,
// set by the kind's previewCap); the runner, which holds the connection, asks the broker where that is and puts Flink's
// own start options in its place just before the descriptor is built.
package io.streamcanvas.runner.translate;

import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.kafka.KafkaClientConfig;
import io.streamcanvas.runner.kafka.KafkaErrors.KafkaRequestException;
import io.streamcanvas.runner.kafka.LatestStart;
import io.streamcanvas.runner.kafka.TopicPartitions.Selection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

final class PreviewStart {
  static final String LATEST_PER_PARTITION = "streamcanvas.scan.latest-per-partition";

  private PreviewStart() {}

  static void resolve(Map<String, String> options, Connection connection, String connectionName) {
    String n = options.remove(LATEST_PER_PARTITION);
    if (n == null) return;
    int perPartition;
    try {
      perPartition = Integer.parseInt(n);
    } catch (NumberFormatException e) {
      throw new IrException(LATEST_PER_PARTITION + " must be a whole number, got \"" + n + "\"");
    }
    String pattern = options.get("topic-pattern");
    Selection selection = pattern != null ? new Selection(null, Pattern.compile(pattern))
        : new Selection(List.of(options.getOrDefault("topic", "").split(";")), null);
    try {
      options.keySet().removeIf(k -> k.startsWith("scan.startup."));
      options.putAll(LatestStart.options(KafkaClientConfig.fromMap(connection.properties()), selection, perPartition));
    } catch (KafkaRequestException | IllegalArgumentException e) {
      throw new IrException("connection \"" + connectionName + "\": " + e.getMessage());
    }
  }
}
