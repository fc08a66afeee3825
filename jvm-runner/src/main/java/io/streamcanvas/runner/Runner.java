// Wires the runner together: embedded Flink cluster, job submitter and registry, control API. Used by Main and tests.
package io.streamcanvas.runner;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamcanvas.runner.cluster.EmbeddedCluster;
import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.files.StateRoot;
import io.streamcanvas.runner.http.ControlServer;
import io.streamcanvas.runner.http.Routes;
import io.streamcanvas.runner.job.JobRegistry;
import io.streamcanvas.runner.job.JobSubmitter;
import org.apache.flink.runtime.util.EnvironmentInformation;

public final class Runner implements AutoCloseable {
  public static final int TASK_SLOTS = 4;

  private final EmbeddedCluster cluster;
  private final ControlServer server;
  private final JobSubmitter submitter;
  private final long startedAt = System.currentTimeMillis();

  private Runner(EmbeddedCluster cluster, ControlServer server, JobSubmitter submitter) {
    this.cluster = cluster;
    this.server = server;
    this.submitter = submitter;
  }

  /** Starts the cluster first, then the API, so the API never answers before jobs can run. */
  public static Runner start(int port, String flinkRestPort, String secret) throws Exception {
    return start(port, flinkRestPort, secret, DataRoot.NONE);
  }

  /** `dataRoot`: the folder filesystem sources and sinks are confined to (NONE: the filesystem connector is off). */
  public static Runner start(int port, String flinkRestPort, String secret, DataRoot dataRoot) throws Exception {
    return start(port, flinkRestPort, secret, dataRoot, TASK_SLOTS);
  }

  /** `slots`: task slots of the embedded TaskManager (one running job of parallelism 1 takes one). */
  public static Runner start(int port, String flinkRestPort, String secret, DataRoot dataRoot, int slots) throws Exception {
    return start(port, flinkRestPort, secret, dataRoot, StateRoot.NONE, slots);
  }

  /** `stateRoot`: the folder checkpoints and savepoints are confined to (NONE: a program may name none). */
  public static Runner start(int port, String flinkRestPort, String secret, DataRoot dataRoot, StateRoot stateRoot, int slots)
      throws Exception {
    EmbeddedCluster cluster = EmbeddedCluster.start(flinkRestPort, slots);
    try {
      JobSubmitter submitter = new JobSubmitter(cluster, dataRoot, stateRoot);
      JobRegistry registry = new JobRegistry();
      Runner[] self = new Runner[1];
      Routes routes = new Routes(registry, submitter, () -> self[0].health(registry));
      ControlServer server = new ControlServer(port, secret, routes);
      self[0] = new Runner(cluster, server, submitter);
      server.start();
      return self[0];
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  private ObjectNode health(JobRegistry registry) {
    return JsonNodeFactory.instance.objectNode()
        .put("status", "ok")
        .put("flinkRestUrl", cluster.restUrl())
        .put("flinkRestCredential", cluster.restClientPem().toString())
        .put("flinkVersion", EnvironmentInformation.getVersion())
        .put("startedAt", startedAt)
        .put("jobs", registry.size())
        .put("dataRoot", submitter.dataRoot().path() == null ? null : submitter.dataRoot().path().toString());
  }

  public int port() {
    return server.port();
  }

  public String flinkRestUrl() {
    return cluster.restUrl();
  }

  /** PEM with the client key and certificate Flink's REST endpoint demands (mutual TLS). */
  public String flinkRestCredential() {
    return cluster.restClientPem().toString();
  }

  public JobSubmitter submitter() {
    return submitter;
  }

  @Override
  public void close() throws Exception {
    server.close();
    cluster.close();
  }
}
