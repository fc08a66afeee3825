// One real Kafka broker (KRaft, Maven's kafka_2.13 at the runner's kafka-clients version) per Surefire JVM, run as its
// own java process on free loopback ports, with a temp log dir, a readiness check and a teardown that stops only it.
package io.streamcanvas.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Use with {@code @ExtendWith(KafkaBroker.class)}; then {@link #bootstrap()} is a broker that answers. */
public final class KafkaBroker implements BeforeAllCallback {
  private static final String LOOPBACK = "127.0.0.1";
  private static Process process;
  private static String bootstrap;
  private static Path dir;
  private static List<String> command;

  /** Stops the broker when the root context closes, i.e. after the last test class of the run. */
  private static final class Closer implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      stop();
    }
  }

  @Override
  public void beforeAll(ExtensionContext ctx) throws Exception {
    synchronized (KafkaBroker.class) {
      if (process != null) return;
      start();
      ctx.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(KafkaBroker.class.getName(), new Closer());
    }
  }

  /** Starts the broker outside JUnit (benchmarks); stopped by the JVM's shutdown hook. */
  public static synchronized void ensureStarted() throws Exception {
    if (process == null) start();
  }

  /** host:port of the broker's PLAINTEXT listener. */
  public static String bootstrap() {
    return bootstrap;
  }

  /** An admin client on the broker; the caller closes it. */
  public static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
  }

  private static void start() throws Exception {
    String classpath = brokerClasspath(AppInfoParser.getVersion());
    long t0 = System.nanoTime();
    dir = Files.createTempDirectory("sc-kafka-");
    int port = freePort();
    int controller = freePort();
    bootstrap = LOOPBACK + ":" + port;
    Path props = dir.resolve("server.properties");
    Files.writeString(props, String.join("\n",
        "process.roles=broker,controller", "node.id=1",
        "controller.quorum.voters=1@" + LOOPBACK + ":" + controller,
        "listeners=PLAINTEXT://" + bootstrap + ",CONTROLLER://" + LOOPBACK + ":" + controller,
        "advertised.listeners=PLAINTEXT://" + bootstrap,
        "controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("logs"),
        // a single broker: every internal topic with one replica
        "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
        // transaction.max.timeout.ms stays Kafka's default (15 min), as on a real cluster: Flink's exactly-once sink asks
        // 1 h unless told, so the kafka-sink kind asks 10 min (KafkaExactlyOnceITCase proves it)
        // tests create their topics; a typo must not create one silently
        "auto.create.topics.enable=false", ""));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> format = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "kafka.tools.StorageTool", "format",
        "-t", Uuid.randomUuid().toString(), "-c", props.toString());
    Process f = new ProcessBuilder(format).redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
    if (!f.waitFor(60, TimeUnit.SECONDS) || f.exitValue() != 0) {
      f.destroyForcibly();
      throw new IllegalStateException("kafka-storage format failed: " + Files.readString(dir.resolve("format.log")));
    }
    long formatted = System.nanoTime();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
        // C1 only: a faster start on a loaded machine; test traffic never needs C2's code
        "-XX:TieredStopAtLevel=1",
        "-Dsc.test.kafka=" + dir, "-cp", classpath, "kafka.Kafka", props.toString()));
    command = List.copyOf(cmd);
    process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::stop));
    awaitReady(60_000);
    System.out.printf("[kafka-broker] %s ready: format %d ms, start to ready %d ms (pid %d, RSS %s, kafka %s, dir %s)%n", bootstrap,
        TimeUnit.NANOSECONDS.toMillis(formatted - t0), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - formatted), process.pid(), rss(process.pid()),
        AppInfoParser.getVersion(), dir);
  }

  /** Ready when the admin client lists the cluster's nodes; fails at once when the process has died. */
  private static void awaitReady(long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    Exception last = null;
    while (System.currentTimeMillis() < deadline) {
      if (!alive(process)) throw new IllegalStateException("the Kafka broker exited while starting:\n" + logTail());
      if (!listening()) {
        Thread.sleep(200);
        continue;
      }
      try (Admin admin = admin()) {
        if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) return;
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    stop();
    throw new IllegalStateException("the Kafka broker did not answer within " + timeoutMs + " ms: " + last + "\n" + logTail());
  }

  /** The PLAINTEXT port accepts a connection (before that, an admin client only logs a warning per retry). */
  private static boolean listening() {
    String[] hostPort = bootstrap.split(":");
    try (var s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Alive means running: a process that has exited but is not yet reaped (state Z in /proc) counts as gone. */
  static boolean alive(Process p) {
    if (p == null || !p.isAlive()) return false;
    try {
      String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return p.isAlive();
    }
  }

  /**
   * Stops the broker (SIGTERM), keeps it down `downMs`, and starts it again on the same ports and log dir (a broker
   * outage, as a restarted cluster node); returns once it answers again.
   */
  static synchronized void restart(long downMs) throws Exception {
    Process p = process;
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    Thread.sleep(downMs);
    Files.writeString(dir.resolve("broker.log"), "");
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
    awaitReady(60_000);
  }

  /** SIGTERM (a clean shutdown), then SIGKILL after 20 s; only the process this harness started. */
  static synchronized void stop() {
    Process p = process;
    if (p == null) return;
    process = null;
    try {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
      if (alive(p)) System.err.println("[kafka-broker] pid " + p.pid() + " still running after SIGKILL");
      deleteTree(dir);
    } catch (Exception e) {
      System.err.println("[kafka-broker] teardown: " + e);
    }
  }

  /**
   * The broker's classpath, resolved by Maven from src/test/kafka-broker/pom.xml once per kafka version and kept in
   * target/ (the broker's jars never join the test JVM's classpath: its Scala and Jackson are not Flink's).
   */
  private static String brokerClasspath(String version) throws Exception {
    Path out = Path.of("target", "kafka-broker-" + version + ".classpath").toAbsolutePath();
    if (!Files.isRegularFile(out)) {
      Path log = Files.createTempFile("sc-kafka-cp-", ".log");
      Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-f", "src/test/kafka-broker/pom.xml",
          "dependency:build-classpath", "-Dkafka.version=" + version, "-Dmdep.outputFile=" + out)
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!mvn.waitFor(300, TimeUnit.SECONDS) || mvn.exitValue() != 0 || !Files.isRegularFile(out)) {
        mvn.destroyForcibly();
        throw new IllegalStateException("resolving kafka_2.13:" + version + " failed: " + Files.readString(log));
      }
      Files.delete(log);
    }
    return Files.readString(out).strip();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return s.getLocalPort();
    }
  }

  private static String rss(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
          .map(l -> l.substring(6).strip()).findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String logTail() throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("broker.log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) return;
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.deleteIfExists(p);
    }
  }
}
