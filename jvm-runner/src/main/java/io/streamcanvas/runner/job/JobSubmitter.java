// Translates a TableProgram statement by statement and submits all its sinks as ONE job to the Flink cluster.
package io.streamcanvas.runner.job;

import io.streamcanvas.runner.cluster.EmbeddedCluster;
import io.streamcanvas.runner.cluster.RemoteTarget;
import io.streamcanvas.runner.cluster.ShippedJars;
import io.streamcanvas.runner.files.DataRoot;
import io.streamcanvas.runner.ir.Connection;
import io.streamcanvas.runner.files.StateRoot;
import io.streamcanvas.runner.ir.IrException;
import io.streamcanvas.runner.jdbc.JdbcProbe;
import io.streamcanvas.runner.ir.Statement;
import io.streamcanvas.runner.ir.TableDescriptorIr;
import io.streamcanvas.runner.ir.TableProgram;
import io.streamcanvas.runner.translate.ProgramContext;
import io.streamcanvas.runner.translate.Translators;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

public final class JobSubmitter {
  /** Options a program may not set: they would redirect the submission itself. */
  private static final Set<String> RESERVED_PREFIXES = Set.of("rest.", "execution.target", "pipeline.jars",
      "pipeline.classpaths", "jobmanager.", "high-availability", "security.", "streamcanvas.rest.");

  /** Program config key: the runner cancels the job itself after this many ms (previews: no job outlives its caller). */
  public static final String TIMEOUT_KEY = "streamcanvas.job.timeout-ms";
  /** Program config key: the server's run id (an exactly-once Kafka sink's transactional ids are unique per run). */
  public static final String RUN_ID_KEY = "streamcanvas.run-id";
  private static final ScheduledExecutorService TIMEOUTS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "job-timeouts");
    t.setDaemon(true);
    return t;
  });

  private final String host;
  private final int restPort;
  /** What a REST client of the cluster needs besides host and port (the embedded cluster's client TLS). */
  private final Configuration clientConf;
  private final DataRoot dataRoot;
  private final StateRoot stateRoot;

  public JobSubmitter(EmbeddedCluster cluster) {
    this(cluster, DataRoot.NONE);
  }

  public JobSubmitter(EmbeddedCluster cluster, DataRoot dataRoot) {
    this(cluster, dataRoot, StateRoot.NONE);
  }

  public JobSubmitter(EmbeddedCluster cluster, DataRoot dataRoot, StateRoot stateRoot) {
    this(cluster.restHost(), cluster.restPort(), cluster.clientConfig(), dataRoot, stateRoot);
  }

  public JobSubmitter(String host, int restPort, Configuration clientConf, DataRoot dataRoot, StateRoot stateRoot) {
    this.host = host;
    this.restPort = restPort;
    this.clientConf = clientConf;
    this.dataRoot = dataRoot;
    this.stateRoot = stateRoot;
  }

  public DataRoot dataRoot() {
    return dataRoot;
  }

  public RunningJob submit(TableProgram program) throws SubmissionException {
    return submit(program, Map.of());
  }

  /** `connections`: the stored connections the program's descriptors name, with their secrets (scrubbed from errors). */
  public RunningJob submit(TableProgram program, Map<String, Connection> connections) throws SubmissionException {
    return submit(program, connections, null);
  }

  /** `target`: a remote session cluster (null: the embedded one); the job then carries ShippedJars. */
  public RunningJob submit(TableProgram program, Map<String, Connection> connections, RemoteTarget target) throws SubmissionException {
    Secrets.register(connections.values());
    if (target != null) refuseLocalFiles(program, target);
    Configuration conf = jobConfig(program, target == null ? clientConf : target.clientConfig(), target == null);
    // A fresh environment per submission keeps jobs isolated; the remote path is the one a real cluster uses too.
    StreamExecutionEnvironment env = target == null
        ? StreamExecutionEnvironment.createRemoteEnvironment(host, restPort, conf)
        : StreamExecutionEnvironment.createRemoteEnvironment(target.host(), target.port(), conf, ShippedJars.forProgram(program).toArray(String[]::new));
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    program.config().forEach((k, v) -> tEnv.getConfig().set(k, v));
    ProgramContext ctx = new ProgramContext(env, tEnv, dataRoot, connections, transactionalIdBase(program));
    try {
      translate(program, ctx);
      JdbcProbe.check(program, connections, t -> ctx.table(t).getResolvedSchema().getColumnNames());
      if (ctx.insertCount() == 0 && ctx.collects().isEmpty()) {
        throw new SubmissionException("program has no sink (insertInto or collect)", null, null);
      }
      if (ctx.insertCount() > 0) ctx.statementSet().attachAsDataStream();
      JobClient client;
      try {
        client = env.executeAsync(program.name());
      } catch (Exception e) {
        String where = target == null ? "" : " at " + target.label();
        throw new SubmissionException("Flink" + where + " did not accept the job: " + JobErrors.message(e), null, e);
      }
      List<CollectBuffer> buffers = ctx.collects().stream()
          .map(c -> new CollectBuffer(c, client.getJobID().toHexString())).toList();
      List<BadMessages.Source> kafka = BadMessages.sources(program, connections);
      RunningJob job = new RunningJob(client, program.name(), buffers, t -> BadMessages.explain(t, kafka));
      scheduleTimeout(program, job);
      return job;
    } catch (SubmissionException | RuntimeException e) {
      ctx.collects().forEach(c -> closeQuietly(c.rows()));
      throw e;
    }
  }

  /**
   * sc-<pipeline>-<run>: the run is the server's run id (config streamcanvas.run-id, kept when a run resumes from its
   * checkpoint, so Flink aborts the transactions the failed job left open), else one per submission.
   */
  public static String transactionalIdBase(TableProgram program) {
    String pipeline = program.name().replaceAll("[^A-Za-z0-9._-]+", "_");
    String run = program.config().getOrDefault(RUN_ID_KEY, java.util.UUID.randomUUID().toString().substring(0, 8));
    return "sc-" + pipeline.substring(0, Math.min(pipeline.length(), 60)) + "-" + run.replaceAll("[^A-Za-z0-9._-]+", "_");
  }

  private static void scheduleTimeout(TableProgram program, RunningJob job) {
    String ms = program.config().get(TIMEOUT_KEY);
    if (ms == null) return;
    TIMEOUTS.schedule(() -> {
      try {
        job.cancel();
      } catch (Exception ignored) {
        // it ended meanwhile, or the cluster is gone; either way nothing is left running
      }
    }, Long.parseLong(ms), TimeUnit.MILLISECONDS);
  }

  private static void translate(TableProgram program, ProgramContext ctx) throws SubmissionException {
    List<Statement> statements = program.statements();
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      String node = s.node();
      try {
        Translators.translate(s, ctx);
      } catch (RuntimeException e) {
        String what = "statement " + i + " (" + s.op() + " \"" + node + "\")";
        String msg = e instanceof IrException ? e.getMessage() : JobErrors.message(e);
        throw new SubmissionException(what + ": " + msg, node, e);
      }
    }
  }

  /** Files sources and sinks read and write the runner's data root, a folder on this machine a TaskManager cannot see. */
  private static void refuseLocalFiles(TableProgram program, RemoteTarget target) throws SubmissionException {
    for (Statement s : program.statements()) {
      TableDescriptorIr d = s instanceof Statement.From f ? f.descriptor() : s instanceof Statement.InsertInto i ? i.descriptor() : null;
      if (d != null && "filesystem".equals(d.connector())) {
        throw new SubmissionException("node \"" + s.node() + "\" reads or writes files under StreamCanvas's data root, which the"
            + " TaskManagers of " + target.label() + " cannot reach: run it on the embedded cluster", s.node(), null);
      }
    }
  }

  /**
   * `local`: the job runs on the embedded cluster, in this JVM, so its state may only go under the state folder. A
   * remote cluster's checkpoints and savepoints are written by its own processes to its own file systems (its
   * state.savepoints.dir, s3://…), which are not this machine's to confine.
   */
  private Configuration jobConfig(TableProgram program, Configuration clientConf, boolean local) throws SubmissionException {
    String timeout = program.config().get(TIMEOUT_KEY);
    if (timeout != null && !timeout.matches("[1-9][0-9]{0,9}")) {
      throw new SubmissionException("config option \"" + TIMEOUT_KEY + "\" must be a positive number of milliseconds", null, null);
    }
    try {
      if (local) stateRoot.check(program.config());
    } catch (IrException e) {
      throw new SubmissionException(e.getMessage(), null, null);
    }
    Configuration conf = new Configuration(clientConf);
    conf.setString("parallelism.default", "1");
    // Fail fast: a StreamCanvas run shows the first failure instead of restarting silently.
    conf.setString("restart-strategy.type", "none");
    for (var e : program.config().entrySet()) {
      if (RESERVED_PREFIXES.stream().anyMatch(e.getKey()::startsWith)) {
        throw new SubmissionException("config option \"" + e.getKey() + "\" cannot be set by a program", null, null);
      }
      conf.setString(e.getKey(), e.getValue());
    }
    return conf;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // nothing was started for it
    }
  }
}
