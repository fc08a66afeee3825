// Test helper run as its own JVM (a stand-in runner): starts a worker stuck in a loop, prints its pid, then waits to be
// killed. UdfSandboxITCase kills this JVM with SIGKILL and checks that the worker dies with it.
package io.streamcanvas.runner.udf;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

public final class StuckRunnerMain {
  private StuckRunnerMain() {}

  public static void main(String[] args) throws Exception {
    UdfSpec spec = new UdfSpec("stuck", "export default (row) => { for (;;) {} }",
        List.of(new UdfSpec.Column("id", "BIGINT")), List.of(new UdfSpec.Column("out", "STRING")));
    WorkerProcess w = WorkerProcess.start(spec, WorkerSettings.DEFAULTS.withDeadline(Duration.ofHours(1)));
    w.submit(GenericRowData.of(1L), new CompletableFuture<RowData>());
    for (;;) {
      List<Long> live = WorkerProcesses.live();
      if (!live.isEmpty()) {
        System.out.println("WORKER " + live.get(0));
        System.out.flush();
        break;
      }
      Thread.sleep(20);
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
