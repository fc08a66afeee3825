// Registers the confined scheme with Flink (META-INF/services): Flink's FileSystem.get finds it through ServiceLoader.
package io.streamcanvas.runner.files;

import java.net.URI;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemFactory;

public final class ConfinedFileSystemFactory implements FileSystemFactory {
  /** One instance: it holds no state of its own (the data roots are registered with ConfinedFileSystem). */
  private static final ConfinedFileSystem INSTANCE = new ConfinedFileSystem();

  @Override
  public String getScheme() {
    return ConfinedFileSystem.SCHEME;
  }

  @Override
  public FileSystem create(URI fsUri) {
    return INSTANCE;
  }
}
