// Flink's local filesystem, read-only and confined to the data roots: the filesystem source's paths carry this scheme,
// so every file Flink's own connector lists, stats or opens (also those added to a watched folder later) is checked by
// its real path; an entry that resolves outside its data root is dropped and logged once.
package io.streamcanvas.runner.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.flink.core.fs.BlockLocation;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class ConfinedFileSystem extends FileSystem {
  public static final String SCHEME = "streamcanvas-data";
  private static final Logger LOG = LoggerFactory.getLogger(ConfinedFileSystem.class);
  /** Real paths of every data root in this JVM (one per runner; tests hold several). */
  private static final Set<java.nio.file.Path> ROOTS = ConcurrentHashMap.newKeySet();
  /** Links already logged: a watched folder is listed every interval, the log names each link once. */
  private static final Set<java.nio.file.Path> LOGGED = ConcurrentHashMap.newKeySet();

  /** A Flink pod's data root (the Kubernetes export's image sets it): no runner registers one in a cluster's JVMs. */
  public static final String DATA_ROOT_ENV = "STREAMCANVAS_FLINK_DATA_ROOT";

  static {
    String fromEnv = System.getenv(DATA_ROOT_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      try {
        ROOTS.add(java.nio.file.Path.of(fromEnv).toRealPath());
      } catch (IOException e) {
        LOG.warn("{}={} is not a folder this process can read: {}", DATA_ROOT_ENV, fromEnv, e.toString());
      }
    }
  }

  private final LocalFileSystem local = LocalFileSystem.getSharedInstance();

  static void register(java.nio.file.Path realRoot) {
    ROOTS.add(realRoot);
  }

  /** The confined form of an absolute local path, for the connector's `path` option. */
  public static String uriOf(java.nio.file.Path absolute) {
    return new Path(SCHEME, null, absolute.toString()).toString();
  }

  /** The local path `p` names (checked against the roots by `confined`). */
  private static java.nio.file.Path localOf(Path p) {
    return java.nio.file.Path.of(p.toUri().getPath()).normalize();
  }

  /** The registered root `p` lies in, lexically; the innermost one when roots nest. */
  private static java.nio.file.Path rootOf(java.nio.file.Path p) throws IOException {
    java.nio.file.Path best = null;
    for (java.nio.file.Path r : ROOTS) {
      if (p.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) best = r;
    }
    if (best == null) throw new FileNotFoundException(p + " is not inside a data root");
    return best;
  }

  /** The real path of `p` (links resolved) when it stays inside p's data root; null (logged once) when it leaves it. */
  private static java.nio.file.Path confined(java.nio.file.Path p) throws IOException {
    java.nio.file.Path root = rootOf(p);
    java.nio.file.Path real = p.toRealPath();
    if (real.startsWith(root)) return real;
    if (LOGGED.add(p)) LOG.warn("skipped {}: it is a link to {}, outside the data root {}; it is not read", p, real, root);
    return null;
  }

  private static java.nio.file.Path confinedOrThrow(java.nio.file.Path p) throws IOException {
    java.nio.file.Path real = confined(p);
    if (real == null) throw new FileNotFoundException(p + " is a link to outside the data root");
    return real;
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    java.nio.file.Path p = localOf(f);
    return new Status(local.getFileStatus(new Path(confinedOrThrow(p).toUri())), f);
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    java.nio.file.Path named = localOf(f);
    java.nio.file.Path dir = confinedOrThrow(named);
    List<FileStatus> out = new ArrayList<>();
    try (Stream<java.nio.file.Path> entries = Files.list(dir)) {
      for (java.nio.file.Path entry : (Iterable<java.nio.file.Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        java.nio.file.Path real;
        try {
          real = confined(named.resolve(name));
        } catch (NoSuchFileException e) {
          continue; // a dangling link, or removed since the listing: nothing to read
        }
        if (real != null) out.add(new Status(local.getFileStatus(new Path(real.toUri())), new Path(f, name)));
      }
    }
    return out.toArray(new FileStatus[0]);
  }

  @Override
  public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len) throws IOException {
    FileStatus inner = file instanceof Status s ? s.local : file;
    return local.getFileBlockLocations(inner, start, len);
  }

  /** Opens the checked real path, not the name: a link swapped in after the check is not followed. */
  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    return open(f);
  }

  @Override
  public FSDataInputStream open(Path f) throws IOException {
    return local.open(new Path(confinedOrThrow(localOf(f)).toUri()));
  }

  @Override
  public Path getWorkingDirectory() {
    return new Path(SCHEME, null, "/");
  }

  @Override
  public Path getHomeDirectory() {
    return getWorkingDirectory();
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public boolean isDistributedFS() {
    return false;
  }

  // Sources only read; sinks keep Flink's plain local paths (checked up front by DataRoot).
  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    throw readOnly(f);
  }

  @Override
  public boolean mkdirs(Path f) throws IOException {
    throw readOnly(f);
  }

  @Override
  public FSDataOutputStream create(Path f, WriteMode overwriteMode) throws IOException {
    throw readOnly(f);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    throw readOnly(src);
  }

  private static IOException readOnly(Path f) {
    return new IOException(f + ": the " + SCHEME + " filesystem is read-only");
  }

  /** Flink's status of the real file, under the confined name the connector asked for (so later opens come back here). */
  private record Status(FileStatus local, Path path) implements FileStatus {
    public long getLen() { return local.getLen(); }
    public long getBlockSize() { return local.getBlockSize(); }
    public short getReplication() { return local.getReplication(); }
    public long getModificationTime() { return local.getModificationTime(); }
    public long getAccessTime() { return local.getAccessTime(); }
    public boolean isDir() { return local.isDir(); }
    public Path getPath() { return path; }
  }
}
