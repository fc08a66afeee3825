// Both ways a worker is confined on this host, the one-exec launcher (a C compiler is here) and util-linux's chain, give
// the same: no network, the caps, nobody as root, frames on fd 3 with the command's stdout on stderr.
package io.streamcanvas.runner.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerSandboxTest {
  @ParameterizedTest(name = "launcher={0}")
  @ValueSource(booleans = {true, false})
  void confinesTheSameWayEitherWay(boolean useLauncher) throws Exception {
    WorkerSandbox s = WorkerSandbox.probe(false, useLauncher);
    if (useLauncher) assertNotNull(s.launcher, "this host has a C compiler, so the launcher is built and used");
    else assertNull(s.launcher);
    Process p = new ProcessBuilder(s.wrap(List.of("/bin/sh", "-c",
        "ulimit -v; ulimit -f; ulimit -c; id -u; grep -c . /proc/net/dev; printf frame >&3"), 64)).start();
    String frames = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String logs = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), logs);
    assertEquals("frame", frames);
    String uid = WorkerSandbox.uid() == 0 ? "65534" : "0";
    // only the loopback device (2 header lines + lo) in the worker's network namespace
    assertEquals(List.of(String.valueOf((64 + 1024) * 1024), "0", "0", uid, "3"), logs.strip().lines().toList());
  }
}
