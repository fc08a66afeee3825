// The one folder checkpoints and savepoints may go to (and be restored from): <data dir>/flink-state. A program whose
// config names another folder is refused here, whoever sent it, so no job writes state anywhere else on the machine.
package io.streamcanvas.runner.files;

import io.streamcanvas.runner.ir.IrException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.StateRecoveryOptions;

public final class StateRoot {
  /** A runner started without --state-dir: no program may name a checkpoint or savepoint folder. */
  public static final StateRoot NONE = new StateRoot(null);

  /** Every key, old names included, under which Flink reads a checkpoint, savepoint or restore location. */
  static final Set<String> KEYS = keysOf(List.of(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
      CheckpointingOptions.SAVEPOINT_DIRECTORY, StateRecoveryOptions.SAVEPOINT_PATH));

  private final Path root;

  private StateRoot(Path root) {
    this.root = root;
  }

  /** The folder (created 0700 if missing) as its real path, so prefix checks compare like with like. */
  public static StateRoot of(Path folder) {
    try {
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      return new StateRoot(folder.toRealPath());
    } catch (IOException e) {
      throw new IllegalArgumentException("state folder " + folder + " cannot be used: " + e.getMessage(), e);
    }
  }

  private static Set<String> keysOf(List<ConfigOption<String>> options) {
    Set<String> keys = new LinkedHashSet<>();
    for (ConfigOption<String> o : options) {
      keys.add(o.key());
      for (FallbackKey k : o.fallbackKeys()) keys.add(k.getKey());
    }
    return keys;
  }

  public Path path() {
    return root;
  }

  /** Refuses a program config that names a state location outside the root (or any, without a root). */
  public void check(Map<String, String> config) {
    for (var e : config.entrySet()) {
      if (KEYS.contains(e.getKey())) checkLocation(e.getKey(), e.getValue());
    }
  }

  private void checkLocation(String key, String value) {
    String where = "config option \"" + key + "\" (" + value + ")";
    if (root == null) throw new IrException(where + " refused: the runner was started without --state-dir, so no job may name a state folder");
    Path p = localPath(value, where).normalize();
    if (!p.startsWith(root)) throw outside(where);
    Path existing = p;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
    try {
      if (existing == null || !existing.toRealPath().startsWith(root)) throw outside(where);
    } catch (IOException ex) {
      throw new IrException(where + " cannot be checked: " + ex.getMessage());
    }
  }

  /** `file:///x`, `file:/x` or `/x`; any other file system (s3://, hdfs://) is not this machine's state folder. */
  private static Path localPath(String value, String where) {
    if (value.indexOf('\0') >= 0) throw new IrException(where + " holds a NUL character");
    if (value.startsWith("/")) return Path.of(value);
    try {
      URI uri = new URI(value);
      if ("file".equals(uri.getScheme()) && uri.getPath() != null && uri.getPath().startsWith("/")
          && (uri.getAuthority() == null || uri.getAuthority().isEmpty())) {
        return Path.of(uri.getPath());
      }
    } catch (java.net.URISyntaxException ignored) {
      // refused below like any other location that is not a local absolute path
    }
    throw new IrException(where + " refused: checkpoints and savepoints go to a local folder under the state folder");
  }

  private IrException outside(String where) {
    return new IrException(where + " refused: checkpoints and savepoints stay under the state folder " + root);
  }
}
