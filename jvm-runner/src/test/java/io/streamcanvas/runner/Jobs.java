// Test helpers: wait for a job to end, compare JSON values independent of number formatting.
package io.streamcanvas.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streamcanvas.runner.job.RunningJob;
import org.apache.flink.api.common.JobStatus;

final class Jobs {
  private Jobs() {}

  static JobStatus awaitTerminal(RunningJob job, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    JobStatus s = job.status();
    while (!s.isGloballyTerminalState() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      s = job.status();
    }
    return s;
  }

  /** JSON text with numbers normalised (2 and 2.0 are the same DOUBLE), so rows compare by value. */
  static String canonical(JsonNode node) {
    return normalise(node).toString();
  }

  private static JsonNode normalise(JsonNode node) {
    if (node.isNumber()) return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(normalise(n)));
      return out;
    }
    return node;
  }
}
