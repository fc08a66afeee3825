// The jars a job for a remote cluster carries (pipeline.jars, uploaded with the job graph): the runner's own classes
// (UDF functions, the worker program, formats and factories it adds) and the connector / format libraries a Flink
// distribution's lib/ lacks. Flink's own jars are never shipped: the cluster has them, and a second copy loaded
// child-first would clash with the TaskManager's.
package io.streamcanvas.runner.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

public final class ShippedJars {
  /** File name prefixes of runner/lib jars that a Flink distribution does not ship and jobs may need. */
  static final List<String> LIBRARY_PREFIXES = List.of("flink-connector-kafka-", "kafka-clients-", "flink-avro-", "avro-",
      "jackson-annotations-", "jackson-core-", "jackson-databind-", "jackson-datatype-", "zstd-jni-",
      "flink-connector-jdbc-", "postgresql-");

  private static List<String> cached;

  private ShippedJars() {}

  /** Absolute paths of the jars to ship; the runner's own jar is made once from its classes folder when it runs from one. */
  public static synchronized List<String> get() {
    if (cached == null) cached = List.copyOf(find());
    return cached;
  }

  private static List<String> find() {
    Path own = codeSource();
    List<String> jars = new ArrayList<>();
    jars.add((Files.isDirectory(own) ? jarOf(own) : own).toString());
    Path lib = libFolder(own);
    if (lib != null) {
      try (Stream<Path> files = Files.list(lib)) {
        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
            .filter(n -> LIBRARY_PREFIXES.stream().anyMatch(n::startsWith)).sorted()
            .forEach(n -> jars.add(lib.resolve(n).toAbsolutePath().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + lib, e);
      }
    }
    return jars;
  }

  private static Path codeSource() {
    try {
      return Path.of(ShippedJars.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the runner's code location is not a path", e);
    }
  }

  /** target/lib beside target/classes or target/jvm-runner-*.jar (how Maven lays out the runner). */
  private static Path libFolder(Path own) {
    Path lib = own.getParent() == null ? null : own.getParent().resolve("lib");
    return lib != null && Files.isDirectory(lib) ? lib : null;
  }

  /** The classes folder as a jar in the runner's temp folder (java.io.tmpdir is RunnerTemp's). */
  private static Path jarOf(Path classes) {
    try {
      Path jar = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "streamcanvas-runner-", ".jar");
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
           Stream<Path> all = Files.walk(classes)) {
        for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
          zip.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
          Files.copy(p, zip);
          zip.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack the runner's classes " + classes + " into a jar for a remote cluster", e);
    }
  }
}
