// RunProgram as Flink's application mode runs it: a job jar holding only the program, its main invoked by Flink's own
// PackagedProgram/ClientUtils against a real MiniCluster, the TS map's rows printed by the collect sink's print stand-in.
package io.streamcanvas.runner;

import static io.streamcanvas.runner.udf.UdfPrograms.cols;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamcanvas.runner.udf.UdfPrograms;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.flink.client.ClientUtils;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.DefaultExecutorServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedCluster.class)
class RunProgramITCase {
  static final String CODE = "export default function (row) { return { shout: row.name.toUpperCase() + \"!\" }; }";

  @Test
  void theJobJarsProgramRunsItsTsMapAndPrintsTheCollectSinksRows(@TempDir Path dir) throws Exception {
    String program = UdfPrograms.program("k8s export", Map.of("parallelism.default", "2"), cols("id", "BIGINT", "name", "STRING"),
        List.of(new Object[] {"1", "ada"}, new Object[] {"2", "bob"}, new Object[] {"3", "zoë"}),
        CODE, cols("id", "BIGINT", "name", "STRING"), cols("shout", "STRING"));
    Path jar = dir.resolve("pipeline.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(RunProgram.PROGRAM_RESOURCE));
      out.write(program.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Configuration conf = SharedCluster.cluster().clientConfig();
    conf.set(DeploymentOptions.TARGET, "remote");
    conf.set(DeploymentOptions.ATTACHED, true);
    conf.set(RestOptions.ADDRESS, SharedCluster.cluster().restHost());
    conf.set(RestOptions.PORT, SharedCluster.cluster().restPort());
    PackagedProgram packaged = PackagedProgram.newBuilder().setJarFile(jar.toFile())
        .setEntryPointClassName(RunProgram.class.getName()).setConfiguration(conf).build();

    // the print connector writes to the TaskManager's System.out, which in a MiniCluster is this JVM's
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(new Tee(original, printed), true, StandardCharsets.UTF_8));
    try {
      ClientUtils.executeProgram(new DefaultExecutorServiceLoader(), conf, packaged, false, false);
    } finally {
      System.setOut(original);
    }
    List<String> rows = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("out"))
        .map(l -> l.substring(l.indexOf('>') + 2)).sorted().toList();
    assertEquals(List.of("+I[1, ada, ADA!]", "+I[2, bob, BOB!]", "+I[3, zoë, ZOË!]"), rows);
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
