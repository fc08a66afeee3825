// The one folder that filesystem sources and sinks may touch: every path is resolved and checked against it here,
// a second time after the server's own check (defence in depth: the runner trusts no path it is sent).
package io.streamcanvas.runner.files;

import io.streamcanvas.runner.ir.IrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public final class DataRoot {
  /** A runner started without --data-root: no program may use the filesystem connector. */
  public static final DataRoot NONE = new DataRoot(null);

  private final Path root;

  private DataRoot(Path root) {
    this.root = root;
  }

  /** The folder as its real path (symlinks resolved), created if missing, so later prefix checks compare like with like. */
  public static DataRoot of(Path folder) {
    try {
      Files.createDirectories(folder);
      Path real = folder.toRealPath();
      ConfinedFileSystem.register(real);
      return new DataRoot(real);
    } catch (IOException e) {
      throw new IllegalArgumentException("data root " + folder + " cannot be used: " + e.getMessage(), e);
    }
  }

  public Path path() {
    return root;
  }

  /**
   * The absolute path for `path`: a relative one is taken relative to the root. Refused when it leaves the root,
   * lexically (..) or through a symlink of any existing ancestor; a source's path must exist.
   */
  public Path resolve(String path, boolean mustExist) {
    if (root == null) throw new IrException("the filesystem connector is off: the runner was started without --data-root");
    if (path == null || path.isBlank()) throw new IrException("the filesystem connector needs a 'path' option");
    if (path.indexOf('\0') >= 0) throw new IrException("path holds a NUL character");
    Path p = root.resolve(path).normalize();
    if (!p.startsWith(root)) throw outside(path);
    Path existing = p;
    while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
    if (existing == null) throw outside(path);
    if (mustExist && !existing.equals(p)) throw new IrException("path \"" + path + "\" does not exist under the data root");
    try {
      Path real = existing.toRealPath();
      if (!real.startsWith(root)) throw outside(path);
      if (mustExist && Files.isDirectory(real)) checkTree(real, path);
      return real.resolve(existing.relativize(p));
    } catch (IOException e) {
      throw new IrException("path \"" + path + "\" cannot be read: " + e.getMessage());
    }
  }

  /** A monitored or bounded directory is read whole: no file in it may be a link out of the root either. */
  private void checkTree(Path dir, String path) throws IOException {
    try (var files = Files.walk(dir, 8)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isSymbolicLink(f) && !f.toRealPath().startsWith(root)) {
          throw new IrException("path \"" + path + "\" holds " + dir.relativize(f) + ", a link to outside the data root");
        }
      }
    }
  }

  private IrException outside(String path) {
    return new IrException("path \"" + path + "\" is outside the data root " + root);
  }
}
