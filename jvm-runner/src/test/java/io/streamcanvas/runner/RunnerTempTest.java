// A starting runner removes the temp folders of runners that are gone (lock free, or no lock long after creation) and
// keeps its own and ones still being created.
package io.streamcanvas.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTempTest {
  @Test
  void claimRemovesDeadRunnersFoldersAndKeepsLiveOnes(@TempDir Path tmp) throws Exception {
    Path base = tmp.resolve("streamcanvas-runners-test");
    Files.createDirectories(base);
    Path dead = Files.createDirectories(base.resolve("111-dead"));
    Files.createFile(dead.resolve(RunnerTemp.LOCK)); // nobody holds it: its runner was killed
    Files.createDirectories(dead.resolve("minicluster_x/blobs"));
    Files.writeString(dead.resolve("flink-table-planner_x.jar"), "jar");
    Path old = Files.createDirectories(base.resolve("222-nolock"));
    Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 2 * RunnerTemp.GRACE_MS));
    Path fresh = Files.createDirectories(base.resolve("333-creating"));

    RunnerTemp mine = RunnerTemp.claim(base);
    assertFalse(Files.exists(dead), "a dead runner's folder is removed");
    assertFalse(Files.exists(old), "a folder that never got its lock is removed after the grace time");
    assertTrue(Files.exists(fresh), "a folder another runner is creating right now is kept");
    assertTrue(Files.isDirectory(mine.dir()));
    assertEquals(List.of(), RunnerTemp.cleanDead(base, mine.dir()), "a live runner's folder (ours, locked) is kept");
    // another runner starting now (another process: the lock is a POSIX record lock) keeps our folder too; before,
    // claim's own sweep probed our lock file and, closing it, dropped our lock, so a second runner deleted the folder
    // of a live one (seen: Flink's jar upload folder vanished under a running test)
    Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OtherRunner.class.getName(), base.toString())
        .redirectErrorStream(true).start();
    String said = new String(other.getInputStream().readAllBytes());
    assertEquals(0, other.waitFor(), said);
    assertTrue(Files.isDirectory(mine.dir()), "a live runner's folder survives another runner's start: " + said);
    Files.writeString(mine.dir().resolve("x"), "x");
    mine.release();
    assertFalse(Files.exists(mine.dir()), "a clean exit removes its own folder");
  }

  /** A second runner's start-up sweep, in its own JVM. */
  public static final class OtherRunner {
    public static void main(String[] args) throws Exception {
      RunnerTemp t = RunnerTemp.claim(Path.of(args[0]));
      t.release();
    }
  }
}
