// Entry point: parses arguments only, starts the Runner, announces readiness with one line on stdout.
package io.streamcanvas.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.files.StateRoot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

public final class Main {
  static final String SECRET_ENV = "STREAMCANVAS_RUNNER_SECRET";

  private Main() {}

  public static void main(String[] args) throws Exception {
    int port = 0;
    String flinkRestPort = "8081-8099";
    boolean exitOnStdinEof = false;
    boolean warmup = true;
    DataRoot dataRoot = DataRoot.NONE;
    StateRoot stateRoot = StateRoot.NONE;
    int slots = Runner.TASK_SLOTS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--flink-rest-port" -> flinkRestPort = value(args, ++i, "--flink-rest-port");
        case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
        case "--no-warmup" -> warmup = false;
        case "--data-root" -> dataRoot = DataRoot.of(Path.of(value(args, ++i, "--data-root")));
        case "--state-dir" -> stateRoot = StateRoot.of(Path.of(value(args, ++i, "--state-dir")));
        case "--slots" -> slots = Integer.parseInt(value(args, ++i, "--slots"));
        case "--remote" -> fail("--remote is not an option: a job names its remote cluster itself (POST /jobs \"target\", API.md)");
        default -> fail("unknown argument " + args[i]
            + "\nusage: Main [--port N] [--flink-rest-port N|FROM-TO] [--exit-on-stdin-eof] [--no-warmup] [--data-root DIR] [--state-dir DIR] [--slots N]");
      }
    }
    String secret = System.getenv(SECRET_ENV);
    if (secret == null || secret.isBlank()) fail("set " + SECRET_ENV + " to the secret that API requests must carry");

    // before Flink reads java.io.tmpdir: its folders go into one this runner holds, so the next start can clean them
    RunnerTemp temp = RunnerTemp.claim(Path.of(System.getProperty("java.io.tmpdir"), "streamcanvas-runners-" + System.getProperty("user.name")));
    System.setProperty("java.io.tmpdir", temp.dir().toString());
    System.err.println("streamcanvas-runner: starting Flink MiniCluster…");
    long t0 = System.nanoTime();
    Runner runner = Runner.start(port, flinkRestPort, secret, dataRoot, stateRoot, slots);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      closeQuietly(runner);
      temp.release();
    }, "shutdown"));
    System.err.printf("streamcanvas-runner: MiniCluster up at %s in %d ms; control API on 127.0.0.1:%d%n",
        runner.flinkRestUrl(), (System.nanoTime() - t0) / 1_000_000, runner.port());

    Map<String, Object> ready = new LinkedHashMap<>();
    ready.put("port", runner.port());
    ready.put("flinkRestUrl", runner.flinkRestUrl());
    ready.put("flinkRestCredential", runner.flinkRestCredential());
    ready.put("pid", ProcessHandle.current().pid());
    PrintStream stdout = System.out;
    // stdout carries exactly one line; anything jobs print later (the print connector) goes to stderr.
    System.setOut(System.err);
    stdout.println("STREAMCANVAS_RUNNER_READY " + new ObjectMapper().writeValueAsString(ready));
    stdout.flush();
    if (warmup) Warmup.startInBackground(runner.submitter());
    if (exitOnStdinEof) exitWhenStdinCloses();
  }

  /** A supervisor that dies closes our stdin; without this the runner would outlive it. */
  private static void exitWhenStdinCloses() {
    Thread t = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // input is ignored
        }
      } catch (Exception ignored) {
        // treated like end of input
      }
      System.err.println("streamcanvas-runner: stdin closed, exiting");
      System.exit(0);
    }, "stdin-watch");
    t.setDaemon(true);
    t.start();
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) fail(flag + " needs a value");
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("streamcanvas-runner: " + message);
    System.exit(2);
  }

  private static void closeQuietly(Runner runner) {
    try {
      runner.close();
    } catch (Exception ignored) {
      // exiting anyway
    }
  }
}
