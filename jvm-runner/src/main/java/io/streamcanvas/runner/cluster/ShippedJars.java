// The jars a job for a remote cluster carries (pipeline.jars, uploaded with the job graph): the runner's own classes
// (UDF functions, the worker program, formats and factories it adds) and the connector / format libraries a Flink
// distribution's lib/ lacks, only those the program's connectors and formats need (every submission uploads them: all
// of them are ~22 MB, Kafka's client and zstd ~17 MB of it). Flink's own jars are never shipped: the cluster has them,
// and a second copy loaded child-first would clash with the TaskManager's.
package io.streamcanvas.runner.cluster;

import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.ir.TableProgram;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

public final class ShippedJars {
  /**
   * File name prefixes of runner/lib jars a Flink distribution does not ship, by what needs them: "runner" every job
   * (the runner's IR classes), the others the connectors and formats of their name. server/k8s/job-jars.ts mirrors
   * these groups for the Kubernetes export's image (job-jars.test.ts holds them equal).
   */
  static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("runner", List.of("jackson-annotations-", "jackson-core-", "jackson-databind-", "jackson-datatype-"));
    GROUPS.put("kafka", List.of("flink-connector-kafka-", "kafka-clients-", "zstd-jni-"));
    GROUPS.put("avro", List.of("flink-avro-", "avro-"));
    GROUPS.put("jdbc", List.of("flink-connector-jdbc-", "postgresql-"));
  }

  private static final Map<String, String> CONNECTOR_GROUPS = Map.of("kafka", "kafka", "upsert-kafka", "kafka", "jdbc", "jdbc");
  private static final Map<String, String> FORMAT_GROUPS = Map.of("avro", "avro", "avro-confluent", "avro");
  private static final List<String> FORMAT_KEYS = List.of("format", "key.format", "value.format");

  /** Every library prefix, whatever needs it. */
  static final List<String> LIBRARY_PREFIXES = GROUPS.values().stream().flatMap(List::stream).toList();

  private static List<String> cached;

  private ShippedJars() {}

  /** Absolute paths of every jar a job may need; the runner's own jar is made once from its classes folder when it runs from one. */
  public static synchronized List<String> get() {
    if (cached == null) cached = List.copyOf(find());
    return cached;
  }

  /** The runner's jar and the libraries of the groups `program` needs. */
  public static List<String> forProgram(TableProgram program) {
    Set<String> prefixes = new LinkedHashSet<>();
    groups(program).forEach(g -> prefixes.addAll(GROUPS.get(g)));
    List<String> all = get();
    List<String> out = new ArrayList<>(List.of(all.get(0)));
    for (String jar : all.subList(1, all.size())) {
      String name = Path.of(jar).getFileName().toString();
      if (prefixes.stream().anyMatch(name::startsWith)) out.add(jar);
    }
    return out;
  }

  /** "runner" and the groups of the connectors and formats the program's descriptors name. */
  static Set<String> groups(TableProgram program) {
    Set<String> groups = new LinkedHashSet<>(List.of("runner"));
    for (Statement s : program.statements()) {
      TableDescriptorIr d = s instanceof Statement.From f ? f.descriptor() : s instanceof Statement.InsertInto i ? i.descriptor()
          : s instanceof Statement.LookupJoin l ? l.descriptor() : null;
      if (d == null) continue;
      if (CONNECTOR_GROUPS.containsKey(d.connector())) groups.add(CONNECTOR_GROUPS.get(d.connector()));
      for (String k : FORMAT_KEYS) {
        String format = d.options().get(k);
        if (format != null && FORMAT_GROUPS.containsKey(format)) groups.add(FORMAT_GROUPS.get(format));
      }
    }
    return groups;
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
