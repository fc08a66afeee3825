// The one-exec sandbox launcher (udf-worker/launch.c, in the jar): compiled at first use where a C compiler exists, into
// a folder only this user can write, cached by the source's hash; absent (the util-linux chain is used) where it cannot.
package io.streamcanvas.runner.udf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

final class WorkerLauncher {
  static final String RESOURCE = "/io/streamcanvas/runner/udf/launch.c";

  private WorkerLauncher() {}

  /** The launcher's path, or empty with the reason in `why[0]`. */
  static Optional<Path> build(String[] why) {
    try (InputStream in = WorkerLauncher.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        why[0] = "no launcher source in the jar";
        return Optional.empty();
      }
      byte[] source = in.readAllBytes();
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source)).substring(0, 16);
      Path dir = privateDir();
      Path bin = dir.resolve("sc-launch-" + hash);
      if (Files.isExecutable(bin)) return Optional.of(bin);
      Path src = dir.resolve("launch-" + hash + "-" + ProcessHandle.current().pid() + ".c");
      Files.write(src, source);
      Path tmp = dir.resolve(bin.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        for (String cc : List.of("cc", "gcc", "clang")) {
          Process p;
          try {
            p = new ProcessBuilder(cc, "-O2", "-o", tmp.toString(), src.toString()).redirectErrorStream(true).start();
          } catch (IOException notThere) {
            continue;
          }
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
          if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            why[0] = cc + " could not build the launcher: " + out.lines().findFirst().orElse("exit " + p.exitValue());
            return Optional.empty();
          }
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
          Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          return Optional.of(bin);
        }
        why[0] = "no C compiler (cc, gcc or clang) on the PATH";
        return Optional.empty();
      } finally {
        Files.deleteIfExists(src);
        Files.deleteIfExists(tmp);
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      why[0] = "the launcher could not be built: " + e.getMessage();
      return Optional.empty();
    }
  }

  /** <tmp>/streamcanvas-launch-<user>, if it is a real folder of ours that nobody else can write; else a fresh one. */
  private static Path privateDir() throws IOException {
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    Path dir = base.resolve("streamcanvas-launch-" + System.getProperty("user.name"));
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another runner made it; checked below like any other
      }
    }
    boolean ours = Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
        && !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).stream()
            .anyMatch(Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE)::contains);
    return ours ? dir : Files.createTempDirectory(base, "streamcanvas-launch-");
  }
}
