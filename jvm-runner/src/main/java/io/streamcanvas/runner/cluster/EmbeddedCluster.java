// The long-lived embedded Flink MiniCluster: REST on loopback over mutual TLS with jar upload off, so jobs reach it like a
// remote cluster and no other local process reaches it at all.
package io.streamcanvas.runner.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

public final class EmbeddedCluster implements AutoCloseable {
  public static final String LOOPBACK = "127.0.0.1";

  private final MiniCluster miniCluster;
  private final URI restUri;
  private final RestTls tls;
  private final Path tlsDir;
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "taskmanager-watchdog");
    t.setDaemon(true);
    return t;
  });
  private int checksWithoutTaskManager;

  private EmbeddedCluster(MiniCluster miniCluster, URI restUri, RestTls tls, Path tlsDir) {
    this.miniCluster = miniCluster;
    this.restUri = restUri;
    this.tls = tls;
    this.tlsDir = tlsDir;
    watchdog.scheduleWithFixedDelay(this::keepTaskManager, 2, 2, TimeUnit.SECONDS);
  }

  /**
   * A fatal error inside a task (Flink has had such bugs in sinks' cancel paths) makes the MiniCluster drop its only
   * TaskManager; every later job would then wait for slots forever while the runner looks healthy. Start a new one.
   */
  private void keepTaskManager() {
    try {
      int tms = miniCluster.getResourceOverview().get(5, TimeUnit.SECONDS).getNumberTaskManagers();
      checksWithoutTaskManager = tms == 0 ? checksWithoutTaskManager + 1 : 0;
      if (checksWithoutTaskManager >= 2) {
        System.err.println("[runner] the TaskManager was lost; starting a new one");
        miniCluster.startTaskManager();
        checksWithoutTaskManager = 0;
      }
    } catch (Exception e) {
      if (miniCluster.isRunning()) System.err.println("[runner] TaskManager check failed: " + e.getMessage());
    }
  }

  /** Test hook: stops every TaskManager, as a fatal task error does. */
  public void loseTaskManagers() throws Exception {
    miniCluster.terminateTaskManager(0).get();
  }

  /** Starts the cluster; restPort "0" picks a free port, a range such as "8081-8099" takes the first free one. */
  public static EmbeddedCluster start(String restPort, int slots) throws Exception {
    // java.io.tmpdir is the runner's own temp folder (RunnerTemp), so a killed runner's key pair goes with it
    Path tlsDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "flink-rest-");
    RestTls tls = RestTls.create(tlsDir);
    Configuration conf = new Configuration();
    tls.applyTo(conf);
    conf.set(RestOptions.ADDRESS, LOOPBACK);
    conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
    conf.set(RestOptions.BIND_PORT, restPort);
    // Every other socket (blob server, RPC, shuffle) on loopback too: nothing of the runner is reachable from outside.
    conf.set(JobManagerOptions.BIND_HOST, LOOPBACK);
    conf.set(JobManagerOptions.ADDRESS, LOOPBACK);
    conf.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
    conf.set(TaskManagerOptions.HOST, LOOPBACK);
    conf.set(WebOptions.SUBMIT_ENABLE, false);
    // the server cancels through the runner's control API, and the web UI reaches Flink through a GET-only proxy
    conf.set(WebOptions.CANCEL_ENABLE, false);
    // The REST API's metrics are refreshed from the TaskManager at this interval (Flink's default 10 s); the monitor
    // shows figures within about a second of Flink's own, so fetch every second.
    conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
    // Heap-state streaming jobs need little managed memory; keep the JVM small.
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
    MiniClusterConfiguration mcc = new MiniClusterConfiguration.Builder()
        .setConfiguration(conf)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(slots)
        .setCommonBindAddress(LOOPBACK)
        .build();
    MiniCluster mc = new MiniCluster(mcc);
    mc.start();
    URI uri = mc.getRestAddress().get();
    return new EmbeddedCluster(mc, uri, tls, tlsDir);
  }

  public String restHost() {
    return restUri.getHost();
  }

  public int restPort() {
    return restUri.getPort();
  }

  public String restUrl() {
    return "https://" + restUri.getHost() + ":" + restUri.getPort();
  }

  /** PEM with the client key and certificate that the REST endpoint demands (and the only certificate to trust). */
  public Path restClientPem() {
    return tls.clientPem();
  }

  /** `conf` plus the client TLS options: what a REST client of this cluster (a remote environment) needs. */
  public Configuration clientConfig(Configuration conf) {
    return tls.clientConfig(conf);
  }

  public Configuration clientConfig() {
    return clientConfig(new Configuration());
  }

  @Override
  public void close() throws Exception {
    watchdog.shutdownNow();
    miniCluster.closeAsync().get();
    io.streamcanvas.runner.RunnerTemp.deleteTree(tlsDir);
  }
}
