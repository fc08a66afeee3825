// bench:udf case (d): the same lower(s) as a PyFlink Python scalar UDF on the same embedded Flink, registered from Java.
package io.streamcanvas.runner.udf;

import static org.apache.flink.table.api.Expressions.$;
import static org.apache.flink.table.api.Expressions.call;

import io.streamcanvas.runner.cluster.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Needs flink-python-&lt;version&gt;.jar (shipped in the apache-flink wheel) on this JVM's classpath, which the MiniCluster
 * shares, and a Python with apache-flink installed. Only the interpreter and the module path are configured: bundle
 * size and time (python.fn-execution.bundle.size / bundle.time) and arrow batch size stay at PyFlink's defaults,
 * since the comparison is with PyFlink as users run it.
 */
final class PyFlinkBench {
  static final String MODULE = "streamcanvas_bench_lower";
  static final String PY_LOWER = """
      from pyflink.table import DataTypes
      from pyflink.table.udf import udf


      @udf(result_type=DataTypes.STRING())
      def py_lower(s):
          return None if s is None else s.lower()
      """;

  // Beam's vendored gRPC logs a harmless teardown race ("call already closed") through java.util.logging at SEVERE,
  // a stack trace amid the figures. JUL holds loggers weakly, so keep this one while the bench runs.
  private static final Logger GRPC = Logger.getLogger("org.apache.beam.vendor.grpc");

  static {
    GRPC.setLevel(Level.OFF);
  }

  private final String python;
  private final Path module;
  private final String sitePackages;

  PyFlinkBench(String python) throws Exception {
    this.python = python;
    this.sitePackages = sitePackages(python);
    Path dir = Files.createTempDirectory("streamcanvas-pyflink-bench");
    dir.toFile().deleteOnExit();
    this.module = dir.resolve(MODULE + ".py");
    Files.writeString(module, PY_LOWER);
    module.toFile().deleteOnExit();
  }

  private static String sitePackages(String python) throws Exception {
    Process p = new ProcessBuilder(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) throw new IllegalStateException(python + " could not name its site-packages: " + out);
    return out;
  }

  /** One bounded job through the Python UDF in PyFlink's "process" (default, Beam worker) or "thread" (PEMJA) mode. */
  double throughput(EmbeddedCluster cluster, String executionMode, long rows) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(cluster.restHost(), cluster.restPort(), cluster.clientConfig());
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.getConfig().set("python.executable", python); // the worker the operator starts
    tEnv.getConfig().set("python.client.executable", python); // the process that loads the function while planning
    tEnv.getConfig().set("python.files", module.toString());
    if (!executionMode.equals("process")) {
      tEnv.getConfig().set("python.execution-mode", executionMode);
      // The interpreter embedded in this JVM starts from the base Python's sys.path, not the venv's: add its packages.
      tEnv.getConfig().set("python.pythonpath", sitePackages);
    }
    tEnv.executeSql("CREATE TEMPORARY SYSTEM FUNCTION py_lower AS '" + MODULE + ".py_lower' LANGUAGE PYTHON");
    Table out = UdfBench.datagen(tEnv, rows).select($("id"), call("py_lower", $("s")).as("s"));
    long t0 = System.nanoTime();
    out.insertInto(TableDescriptor.forConnector("blackhole").build()).execute().await();
    return rows / ((System.nanoTime() - t0) / 1e9);
  }
}
