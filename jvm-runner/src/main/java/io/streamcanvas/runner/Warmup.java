// Runs one tiny job after start-up so the planner, code generation and task deployment are warm for the first Run.
package io.streamcanvas.runner;

import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.JobSubmitter;
import io.streamcanvas.runner.job.RunningJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
  private static final String PROGRAM = """
      {"irVersion": 1, "name": "streamcanvas-warmup", "statements": [
        {"op": "from", "table": "src", "descriptor": {"connector": "datagen",
          "schema": [{"name": "id", "type": "BIGINT"}, {"name": "s", "type": "STRING"}],
          "options": {"fields.id.kind": "sequence", "fields.id.start": "1", "fields.id.end": "3"}}},
        {"op": "filter", "table": "f", "input": "src", "predicate": {"kind": "call", "fn": "isGreater",
          "args": [{"kind": "col", "name": "id"}, {"kind": "lit", "value": "1", "type": "BIGINT"}]}},
        {"op": "select", "table": "p", "input": "f", "fields": [{"as": "u", "expr": {"kind": "call",
          "fn": "upperCase", "args": [{"kind": "col", "name": "s"}]}}]},
        {"op": "insertInto", "sink": "b", "input": "p", "descriptor": {"connector": "blackhole", "options": {}}},
        {"op": "collect", "sink": "c", "input": "p", "maxRows": 1}]}
      """;

  private Warmup() {}

  /** Runs in the background; a failure here is logged and otherwise harmless. */
  static void startInBackground(JobSubmitter submitter) {
    Thread t = new Thread(() -> {
      long t0 = System.nanoTime();
      try {
        RunningJob job = submitter.submit(IrReader.read(PROGRAM));
        while (!job.status().isGloballyTerminalState()) Thread.sleep(100);
        LOG.info("warm-up job {} in {} ms", job.status(), (System.nanoTime() - t0) / 1_000_000);
      } catch (Exception e) {
        LOG.warn("warm-up job failed: {}", e.toString());
      }
    }, "warmup");
    t.setDaemon(true);
    t.start();
  }
}
