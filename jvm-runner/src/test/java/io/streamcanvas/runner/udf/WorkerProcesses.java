// Test helper: the UDF worker processes this JVM started that are still running (zombies count as gone), from /proc.
package io.streamcanvas.runner.udf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class WorkerProcesses {
  /** The first line of worker.mjs, which every worker carries on its command line (node -e). */
  static final String MARK = "StreamCanvas UDF worker:";

  private WorkerProcesses() {}

  /** Live workers whose parent is the given process. */
  static List<Long> liveChildrenOf(long parent) {
    List<Long> out = new ArrayList<>();
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String[] stat = stat(d);
        if (stat == null || !stat[0].equals(String.valueOf(parent)) || stat[1].equals("Z")) continue;
        try {
          if (new String(Files.readAllBytes(d.resolve("cmdline")), StandardCharsets.UTF_8).contains(MARK)) {
            out.add(Long.parseLong(d.getFileName().toString()));
          }
        } catch (IOException gone) {
          // ended while we looked
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  static List<Long> live() {
    return liveChildrenOf(ProcessHandle.current().pid());
  }

  /** {ppid, state} of a process, or null when it is gone. */
  static String[] stat(Path procDir) {
    try {
      String s = Files.readString(procDir.resolve("stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return new String[] {f[1], f[0]};
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }

  /** Polls until only `keep` are left (or the time is up); the others still alive. */
  static List<Long> awaitOnly(List<Long> keep, long timeoutMs) throws InterruptedException {
    long until = System.currentTimeMillis() + timeoutMs;
    for (;;) {
      List<Long> extra = new ArrayList<>(live());
      extra.removeAll(keep);
      if (extra.isEmpty() || System.currentTimeMillis() > until) return extra;
      Thread.sleep(50);
    }
  }
}
