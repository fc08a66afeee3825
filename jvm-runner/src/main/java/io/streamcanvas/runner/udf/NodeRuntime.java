// Finds Node.js, picks its permission flag, and reads the worker program bundled in the runner's jar; node gets it as
// `-e` text, so a worker needs no file at all (no temp folder to leak when a runner dies, no file read permission).
package io.streamcanvas.runner.udf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

final class NodeRuntime {
  static final String WORKER_RESOURCE = "/io/streamcanvas/runner/udf/worker.mjs";
  private static NodeRuntime instance;

  final Path node;
  /** worker.mjs's text */
  final String script;
  /** `--permission` from Node 22.13 (stable); Node 20 only accepts `--experimental-permission`. */
  final String permissionFlag;

  private NodeRuntime(Path node, String script, String permissionFlag) {
    this.node = node;
    this.script = script;
    this.permissionFlag = permissionFlag;
  }

  static synchronized NodeRuntime get() {
    if (instance == null) {
      Path node = locateNode();
      instance = new NodeRuntime(node, readWorker(), permissionFlag(version(node)));
    }
    return instance;
  }

  /** node's command line: no file, child-process or worker-thread permission; the program is the `-e` text. */
  List<String> command(int heapMb) {
    List<String> cmd = new ArrayList<>();
    cmd.add(node.toString());
    cmd.add(permissionFlag);
    cmd.add("--max-old-space-size=" + heapMb);
    cmd.add("--no-warnings");
    cmd.add("--input-type=module");
    cmd.add("-e");
    cmd.add(script);
    return cmd;
  }

  private static Path locateNode() {
    String configured = System.getProperty("streamcanvas.node", System.getenv("STREAMCANVAS_NODE"));
    if (configured != null && !configured.isBlank()) return Path.of(configured);
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/local/bin").split(":")) {
      Path p = Path.of(dir, "node");
      if (Files.isExecutable(p)) return p.toAbsolutePath();
    }
    throw new UdfException("TypeScript UDFs need Node.js 20 or newer on the TaskManager at " + host()
        + ", but `node` is not on its PATH: install Node.js ≥ 20 there (or set STREAMCANVAS_NODE to its path)");
  }

  private static String version(Path node) {
    try {
      ProcessBuilder pb = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true);
      pb.environment().clear();
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UdfException("cannot run Node.js at " + node + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UdfException("interrupted while checking the Node.js version");
    }
  }

  static String permissionFlag(String version) {
    String[] parts = version.replaceFirst("^v", "").split("\\.");
    int major = Integer.parseInt(parts[0]);
    int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    if (major < 20) {
      throw new UdfException("TypeScript UDFs need Node.js 20 or newer on the TaskManager at " + host() + ", found " + version
          + ": install Node.js ≥ 20 there (or set STREAMCANVAS_NODE to its path)");
    }
    return major > 22 || (major == 22 && minor >= 13) ? "--permission" : "--experimental-permission";
  }

  /** This TaskManager's host name, for messages that must say where Node.js is missing. */
  static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return System.getenv().getOrDefault("HOSTNAME", "(unknown host)");
    }
  }

  private static String readWorker() {
    try (InputStream in = NodeRuntime.class.getResourceAsStream(WORKER_RESOURCE)) {
      if (in == null) throw new UdfException("the UDF worker " + WORKER_RESOURCE + " is missing from the runner jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the UDF worker", e);
    }
  }
}
