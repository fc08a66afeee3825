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
    assertEquals(List.of(), RunnerTemp.cleanDead(base), "a live runner's folder (ours, locked) is kept");
    Files.writeString(mine.dir().resolve("x"), "x");
    mine.release();
    assertFalse(Files.exists(mine.dir()), "a clean exit removes its own folder");
  }
}
