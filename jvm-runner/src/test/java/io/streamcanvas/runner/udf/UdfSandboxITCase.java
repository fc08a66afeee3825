// The sandbox-escape corpus (udf-worker/escape-corpus.json) through real jobs on a MiniCluster, beside a victim job
// whose row count must keep rising: each UDF fails with its clear error, reaches no bait and leaves no worker behind.
package io.streamcanvas.runner.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.JobsAccess;
import io.streamcanvas.runner.SharedCluster;
import io.streamcanvas.runner.ir.IrReader;
import io.streamcanvas.runner.job.RunningJob;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class UdfSandboxITCase {
  static final String VICTIM = "export default (row) => ({ out: 'ok ' + row.id });";

  /** datagen (id BIGINT, unbounded) → udfMap(code) → collect: a streaming job that runs until its UDF fails. */
  static String program(String name, String code, int rowsPerSecond) {
    ObjectNode p = UdfPrograms.JSON.createObjectNode().put("irVersion", 1).put("name", name);
    p.putObject("config");
    ArrayNode st = p.putArray("statements");
    ObjectNode from = st.addObject().put("op", "from").put("table", "src");
    ObjectNode d = from.putObject("descriptor").put("connector", "datagen");
    d.putArray("schema").addObject().put("name", "id").put("type", "BIGINT");
    d.putObject("options").put("rows-per-second", String.valueOf(rowsPerSecond));
    ObjectNode map = st.addObject().put("op", "udfMap").put("table", "mapped").put("input", "src");
    ObjectNode udf = map.putObject("udf").put("name", "attack").put("code", code);
    udf.putArray("inputColumns").addObject().put("name", "id").put("type", "BIGINT");
    udf.putArray("outputColumns").addObject().put("name", "out").put("type", "STRING");
    st.addObject().put("op", "collect").put("sink", "out").put("input", "mapped").put("maxRows", 10);
    return p.toString();
  }

  static long total(RunningJob job) {
    return job.toJson(true).get("sinks").get("out").get("total").asLong();
  }

  /** Waits (up to 30 s) for the victim to collect more rows than `after`; its count, or -1 when it stopped rising. */
  static long risesPast(RunningJob victim, long after) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (victim.status() != JobStatus.RUNNING) return -1;
      long n = total(victim);
      if (n > after) return n;
      Thread.sleep(100);
    }
    return -1;
  }

  /** Counts every connection either bait accepts, on daemon threads that end when the sockets close. */
  static void countConnections(ServerSocket tcp, ServerSocketChannel unix, AtomicInteger touched) {
    Thread a = new Thread(() -> {
      while (!tcp.isClosed()) {
        try (var s = tcp.accept()) {
          touched.incrementAndGet();
        } catch (java.io.IOException closed) {
          return;
        }
      }
    }, "bait-tcp");
    Thread b = new Thread(() -> {
      while (unix.isOpen()) {
        try (var s = unix.accept()) {
          touched.incrementAndGet();
        } catch (java.io.IOException closed) {
          return;
        }
      }
    }, "bait-unix");
    for (Thread t : List.of(a, b)) {
      t.setDaemon(true);
      t.start();
    }
  }

  @Test
  void everyCorpusUdfIsDeniedOrKilledAndTheVictimKeepsRunning() throws Exception {
    List<Long> others = WorkerProcesses.live(); // other test classes' workers in this JVM, not ours to judge
    JsonNode corpus = UdfPrograms.JSON.readTree(Path.of("udf-worker/escape-corpus.json").toFile()).get("entries");
    assertTrue(corpus.size() >= 25, "corpus size " + corpus.size());
    Path dir = Files.createTempDirectory("sc-escape-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // only the sandbox may stop a write here
    AtomicInteger touched = new AtomicInteger();
    try (ServerSocket tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      unix.bind(UnixDomainSocketAddress.of(dir.resolve("bait.sock")));
      Files.setPosixFilePermissions(dir.resolve("bait.sock"), PosixFilePermissions.fromString("rwxrwxrwx"));
      countConnections(tcp, unix, touched);
      Map<String, String> bait = Map.of("__PORT__", String.valueOf(tcp.getLocalPort()),
          "__SOCKET__", dir.resolve("bait.sock").toString(), "__FILE__", dir.resolve("escaped.txt").toString());
      RunningJob victim = SharedCluster.submitter().submit(IrReader.read(program("victim", VICTIM, 20)));
      long seen = risesPast(victim, 0);
      assertTrue(seen > 0, "the victim job collects rows");
      List<Long> victimWorkers = WorkerProcesses.live();
      List<String> escaped = new ArrayList<>();
      for (JsonNode e : corpus) {
        String code = e.get("code").asText();
        for (Map.Entry<String, String> b : bait.entrySet()) code = code.replace(b.getKey(), b.getValue());
        int before = touched.get();
        RunningJob job = SharedCluster.submitter().submit(IrReader.read(program("attack", code, 5)));
        JobStatus status = JobsAccess.awaitTerminal(job, 120_000);
        JsonNode error = job.toJson(false).get("error");
        String message = error.isNull() ? "job ended " + status + " without an error" : error.get("rootCause").asText();
        List<String> why = new ArrayList<>();
        if (status != JobStatus.FAILED || !Pattern.compile(e.get("expect").asText()).matcher(message).find()) {
          why.add("expected /" + e.get("expect").asText() + "/, got " + status + ": " + message);
        }
        if (touched.get() > before) why.add("reached the bait");
        try (var files = Files.list(dir)) {
          files.filter(f -> !f.getFileName().toString().equals("bait.sock")).forEach(f -> why.add("left a file: " + f));
        }
        List<Long> left = WorkerProcesses.awaitOnly(victimWorkers, 5_000);
        if (!left.isEmpty()) why.add("left worker processes " + left);
        long now = risesPast(victim, seen);
        if (now < 0) why.add("the victim job stopped collecting rows (" + victim.status() + ")");
        seen = Math.max(seen, now);
        if (!why.isEmpty()) escaped.add(e.get("name").asText() + ": " + String.join("; ", why));
      }
      victim.cancel();
      JobsAccess.awaitTerminal(victim, 60_000);
      System.out.println(corpus.size() - escaped.size() + " passed, " + escaped.size() + " escaped");
      assertEquals(List.of(), escaped);
      List<Long> left = WorkerProcesses.awaitOnly(others, 5_000);
      assertEquals(List.of(), left, "no worker outlives its job (the victim's were " + victimWorkers + ")");
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    }
  }

  /** kill -9 of the runner while its worker spins in a loop: the kernel's parent-death signal ends the worker too. */
  @Test
  void aWorkerStuckInALoopDiesWithItsRunner() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process runner = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), StuckRunnerMain.class.getName())
        .redirectErrorStream(true).start();
    try {
      long worker = -1;
      var out = new java.io.BufferedReader(new java.io.InputStreamReader(runner.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("WORKER ")) {
          worker = Long.parseLong(line.substring(7).strip());
          break;
        }
      }
      assertTrue(worker > 0, "the stand-in runner started a worker");
      Path proc = Path.of("/proc", String.valueOf(worker));
      for (int i = 0; i < 100 && !"R".equals(WorkerProcesses.stat(proc)[1]); i++) Thread.sleep(50); // spinning
      assertEquals("R", WorkerProcesses.stat(proc)[1], "the worker spins in its loop");
      runner.destroyForcibly(); // SIGKILL: no shutdown hook runs
      runner.waitFor();
      long until = System.currentTimeMillis() + 5_000;
      String[] st;
      while ((st = WorkerProcesses.stat(proc)) != null && !st[1].equals("Z") && System.currentTimeMillis() < until) Thread.sleep(50);
      assertTrue(st == null || st[1].equals("Z"), "the worker " + worker + " is still running 5 s after its runner died");
    } finally {
      runner.destroyForcibly();
    }
  }
}
