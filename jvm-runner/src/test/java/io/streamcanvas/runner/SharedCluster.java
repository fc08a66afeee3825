// One warm MiniCluster for every ITCase in the Surefire JVM (started on first use, closed when JUnit finishes).
package io.streamcanvas.runner;

import io.streamcanvas.runner.cluster.EmbeddedCluster;
import io.streamcanvas.runner.files.DataRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.streamcanvas.runner.job.JobSubmitter;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Use with {@code @ExtendWith(SharedCluster.class)}; then {@link #cluster()} and {@link #submitter()} are ready. */
public final class SharedCluster implements BeforeAllCallback {
  private static EmbeddedCluster cluster;
  private static JobSubmitter submitter;
  private static Path dataRoot;
  /** Data files of the golden fixtures; copied into a fresh data root so sinks never write into the source tree. */
  static final Path FIXTURE_DATA = Path.of("../pipeline/fixtures/data");

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
      dataRoot = Files.createTempDirectory("sc-data-root-");
      copyTree(FIXTURE_DATA, dataRoot);
      submitter = new JobSubmitter(cluster, DataRoot.of(dataRoot));
      ctx.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedCluster.class.getName(), new Closer());
    }
  }

  /** The submitter's data root (a temp folder holding a copy of the fixtures' data files). */
  public static Path dataRoot() {
    return dataRoot;
  }

  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) return;
    try (var files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  public static EmbeddedCluster cluster() {
    return cluster;
  }

  public static JobSubmitter submitter() {
    return submitter;
  }
}
