// One temp folder per runner, locked while it lives: Flink's MiniCluster folders, blobs and planner jar go there (it
// becomes java.io.tmpdir), and a starting runner deletes the folders of runners that died without cleaning up (kill -9).
package io.streamcanvas.runner;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

public final class RunnerTemp {
  static final String LOCK = "runner.lock";
  /** A folder without its lock file yet may be one another runner is creating right now. */
  static final long GRACE_MS = 60_000;

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private RunnerTemp(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /** Claims <base>/<pid>-… (held until the JVM ends, the kernel drops the lock if it dies) after removing dead ones. */
  public static RunnerTemp claim(Path base) throws IOException {
    Files.createDirectories(base, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path dir = Files.createTempDirectory(base, ProcessHandle.current().pid() + "-");
    FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    RunnerTemp t = new RunnerTemp(dir, ch, ch.lock());
    for (Path dead : cleanDead(base, dir)) System.err.println("streamcanvas-runner: removed the temp folder of a runner that is gone: " + dead);
    return t;
  }

  /**
   * Deletes the folders under base whose lock no live process holds; returns them. Our own folder is never probed:
   * locks are POSIX record locks, and closing any descriptor of the lock file (as a probe does) would drop our own
   * lock, after which the next runner to start would delete the folder under us.
   */
  static List<Path> cleanDead(Path base, Path self) throws IOException {
    List<Path> removed = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(base)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        if (d.equals(self) || !isDead(d)) continue;
        deleteTree(d);
        removed.add(d);
      }
    }
    return removed;
  }

  private static boolean isDead(Path d) throws IOException {
    Path lockFile = d.resolve(LOCK);
    if (!Files.exists(lockFile)) {
      return System.currentTimeMillis() - Files.getLastModifiedTime(d).toMillis() > GRACE_MS;
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock l = ch.tryLock()) {
      return l != null; // we got it, so its runner is gone
    } catch (OverlappingFileLockException ours) {
      return false; // held by this JVM
    }
  }

  public static void deleteTree(Path d) throws IOException {
    try (Stream<Path> all = Files.walk(d)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  public Path dir() {
    return dir;
  }

  /** On a clean exit: the folder goes now rather than at the next start. */
  public void release() {
    try {
      lock.release();
      channel.close();
      deleteTree(dir);
    } catch (IOException e) {
      System.err.println("streamcanvas-runner: could not remove " + dir + ": " + e.getMessage());
    }
  }
}
