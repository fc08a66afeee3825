// One warm MiniCluster for every ITCase in the Surefire JVM (started on first use, closed when JUnit finishes).
package io.streamcanvas.runner;

import io.streamcanvas.runner.cluster.EmbeddedCluster;
import io.streamcanvas.runner.job.JobSubmitter;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Use with {@code @ExtendWith(SharedCluster.class)}; then {@link #cluster()} and {@link #submitter()} are ready. */
public final class SharedCluster implements BeforeAllCallback {
  private static EmbeddedCluster cluster;
  private static JobSubmitter submitter;

  /** Closes the cluster when the root context closes, i.e. after the last test class of the run. */
  private static final class Closer implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      synchronized (SharedCluster.class) {
        cluster.close();
        cluster = null;
        submitter = null;
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext ctx) throws Exception {
    synchronized (SharedCluster.class) {
      if (cluster != null) return;
      cluster = EmbeddedCluster.start("0", Runner.TASK_SLOTS);
      submitter = new JobSubmitter(cluster.restHost(), cluster.restPort());
      ctx.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedCluster.class.getName(), new Closer());
    }
  }

  public static EmbeddedCluster cluster() {
    return cluster;
  }

  public static JobSubmitter submitter() {
    return submitter;
  }
}
