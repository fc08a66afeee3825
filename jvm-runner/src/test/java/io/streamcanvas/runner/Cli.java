// Runs the streamcanvas CLI (node bin/streamcanvas.mjs) from a test, e.g. to print an example's IR or SQL.
package io.streamcanvas.runner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

final class Cli {
  record Result(int code, String stdout, String stderr) {}

  private Cli() {}

  /** `streamcanvas ARGS…` with STREAMCANVAS_DATA_DIR=dataDir (so file paths resolve into dataDir/files). */
  static Result run(Path dataDir, String... args) throws Exception {
    String[] cmd = new String[args.length + 2];
    cmd[0] = System.getenv().getOrDefault("NODE", "node");
    cmd[1] = Path.of("../bin/streamcanvas.mjs").toAbsolutePath().normalize().toString();
    System.arraycopy(args, 0, cmd, 2, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("STREAMCANVAS_DATA_DIR", dataDir.toString());
    pb.environment().remove("STREAMCANVAS_DATA_ROOT");
    Process p = pb.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("streamcanvas " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
