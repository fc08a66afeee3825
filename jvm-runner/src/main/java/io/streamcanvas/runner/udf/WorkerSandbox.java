// What confines a UDF worker beyond Node's permission model (README "Sandbox"): its own empty network namespace, the
// nobody user when the runner is root, death with the JVM, an address-space cap, no file writes, frames on fd 3. All in
// one exec by the launcher (udf-worker/launch.c) where it can be built, else util-linux's unshare, setpriv and a shell.
package io.streamcanvas.runner.udf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

public final class WorkerSandbox {
  /** The opt-out: workers start without a network namespace (the run panel says the sandbox is reduced). */
  public static final String ALLOW_NETWORK = "STREAMCANVAS_UDF_ALLOW_NETWORK";
  /** V8 reserves ~730 MB of address space at start; this much above the heap cap leaves ~500 MB for Buffers. */
  static final int ADDRESS_SPACE_HEADROOM_MB = 1024;
  /**
   * Caps (address space in KB as $1, no file writes, no core), then node with the runner's read end (this shell's
   * stdout) moved to fd 3 for frames and the UDF's stdout joined to stderr, which the runner turns into log lines.
   */
  static final String SHELL = "ulimit -v \"$1\" && ulimit -f 0 && ulimit -c 0 && shift && unset PWD && exec \"$@\" 3>&1 1>&2";
  private static final int NOBODY = 65534;
  private static WorkerSandbox instance;

  /** The command before `sh -c SHELL`: unshare and setpriv with their options (unused with the launcher). */
  final List<String> prefix;
  /** True when workers have no network namespace (the user opted out). */
  public final boolean networkAllowed;
  /** The one-exec launcher, or null: then the util-linux chain in `prefix`. */
  final Path launcher;

  private WorkerSandbox(List<String> prefix, boolean networkAllowed, Path launcher) {
    this.prefix = prefix;
    this.networkAllowed = networkAllowed;
    this.launcher = launcher;
  }

  /** Probed once per JVM (a few ms); throws when the host cannot isolate workers and the user did not opt out. */
  public static synchronized WorkerSandbox get() {
    if (instance == null) instance = probe(allowNetwork());
    return instance;
  }

  static boolean allowNetwork() {
    String v = System.getProperty("streamcanvas.udf.allow-network", System.getenv(ALLOW_NETWORK));
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  static WorkerSandbox probe(boolean allowNetwork) {
    return probe(allowNetwork, true);
  }

  /** `useLauncher` false: only the util-linux chain is tried (tests check both ways). */
  static WorkerSandbox probe(boolean allowNetwork, boolean useLauncher) {
    List<String> tried = new ArrayList<>();
    if (useLauncher) {
      String[] why = new String[1];
      var built = WorkerLauncher.build(why);
      if (built.isPresent()) {
        String failed = tryRun(List.of(built.get().toString(), allowNetwork ? "net" : "nonet", "1048576", "true"));
        if (failed == null) return new WorkerSandbox(List.of(), allowNetwork, built.get());
        tried.add("the launcher " + built.get() + ": " + failed);
      }
    }
    boolean root = uid() == 0;
    List<String> setpriv = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL"));
    if (root) setpriv.addAll(1, List.of("--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    setpriv.add("--");
    List<List<String>> candidates = new ArrayList<>();
    if (allowNetwork) candidates.add(setpriv);
    else {
      if (root) candidates.add(concat(List.of("unshare", "-n", "--"), setpriv)); // as root no user namespace is needed
      candidates.add(concat(List.of("unshare", "-rn", "--"), setpriv));
    }
    for (List<String> prefix : candidates) {
      String why = tryRun(concat(prefix, List.of("/bin/sh", "-c", SHELL, "sh", "1048576", "true")));
      if (why == null) return new WorkerSandbox(List.copyOf(prefix), allowNetwork, null);
      tried.add("`" + String.join(" ", prefix.subList(0, prefix.indexOf("--") + 1)) + "`: " + why);
    }
    throw new UdfException("TypeScript UDF workers run in their own network namespace, which this host cannot create ("
        + String.join("; ", tried) + "). A TaskManager host needs util-linux's unshare and setpriv and either root or"
        + " unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 / user.max_user_namespaces > 0). To run"
        + " UDFs with network access instead, set " + ALLOW_NETWORK + "=1 for the runner or TaskManager.");
  }

  /** null when the command exits 0, else why not. */
  private static String tryRun(List<String> cmd) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().clear();
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "did not finish within 10 s";
      }
      return p.exitValue() == 0 ? null : "exit " + p.exitValue() + (out.isEmpty() ? "" : ", " + out.lines().findFirst().orElse(""));
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** The full command line of a worker: prefix, the shell that sets the caps and moves the frame pipe, node's own. */
  List<String> wrap(List<String> nodeCommand, int heapMb) {
    if (launcher != null) {
      List<String> cmd = new ArrayList<>(List.of(launcher.toString(), networkAllowed ? "net" : "nonet",
          String.valueOf(addressSpaceMb(heapMb) * 1024L)));
      cmd.addAll(nodeCommand);
      return cmd;
    }
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of("/bin/sh", "-c", SHELL, "sh", String.valueOf(addressSpaceMb(heapMb) * 1024L)));
    cmd.addAll(nodeCommand);
    return cmd;
  }

  static int addressSpaceMb(int heapMb) {
    return heapMb + ADDRESS_SPACE_HEADROOM_MB;
  }

  /** The process's real uid, from /proc (-1 where there is no /proc). */
  static int uid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) return Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the probe below fails and says so
    }
    return -1;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> r = new ArrayList<>(a);
    r.addAll(b);
    return r;
  }
}
