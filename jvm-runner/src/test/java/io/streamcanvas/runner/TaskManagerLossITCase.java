// The runner survives losing its TaskManager (as a fatal task error causes): a new one starts and the next job runs.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamcanvas.runner.cluster.EmbeddedCluster;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.JobSubmitter;
import io.streamcanvas.runner.job.RunningJob;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

class TaskManagerLossITCase {
  @Test
  void aLostTaskManagerIsReplacedAndTheNextJobFinishes() throws Exception {
    try (EmbeddedCluster cluster = EmbeddedCluster.start("0", Runner.TASK_SLOTS)) {
      JobSubmitter submitter = new JobSubmitter(cluster);
      cluster.loseTaskManagers();
      RunningJob job = submitter.submit(IrReader.read(Files.readString(Path.of("src/test/resources/ir/datagen-filter-collect.ir.json"))));
      assertEquals(JobStatus.FINISHED, Jobs.awaitTerminal(job, 90_000), () -> "job after TaskManager loss: " + job.toJson(true));
    }
  }
}
