// The server's long-lived parts (store, runner supervisor, run tracker), one set per process via globalThis,
// so every Next.js route bundle and instrumentation.ts share them.
import path from "node:path";
import { getEnv } from "@/env";
import type { PipelineGraph } from "@/pipeline/graph";
import type { RunnerClient } from "./runner/client";
import { PreviewService } from "./preview/preview-service";
import { dataRootOf } from "./files/data-root";
import { CheckpointFailureLog } from "./monitor/checkpoint-failures";
import { TaskFailureLog } from "./monitor/task-failures";
import { MonitorHub } from "./monitor/hub";
import { RunTracker } from "./runner/run-tracker";
import { appRoot, javaRunnerCommand, type RunnerCommand } from "./runner/spawn";
import { stopRunnerOnSignals } from "./runner/stop-on-signals";
import { RunnerSupervisor } from "./runner/supervisor";
import { defaultExamplesDir, seedOnce } from "./store/examples";
import { defaultDataRoot } from "./pipeline-ops";
import { openStore, type Store } from "./store/store";
import { resolveConnections } from "./connections/resolve";
import { latestOffsetsVia } from "./kafka/latest-offsets";
import { openSealer } from "./connections/seal";
import { ConnectionsService } from "./connections/service";
import { ensureChangeStreams } from "./connect/change-streams";
import { EMBEDDED, TargetsService } from "./targets/service";
import { defaultTarget, ENV_TARGET, runnerTargetOf, type RunnerTarget } from "./targets/runner-target";
import { flinkTargetOf } from "./targets/probe";
import { clusterUdfLogs } from "./monitor/taskmanager-logs";
import { RunnerUnavailable } from "./errors";

export type Services = {
  store: Store; supervisor: RunnerSupervisor; tracker: RunTracker; examplesDir: string; previews: PreviewService; dataRoot: string;
  monitor: MonitorHub;
  /** named connections, their secrets sealed with the install's key (server/connections/) */
  connections: ConnectionsService;
  /** named remote Flink clusters, their secrets sealed with the same key (server/targets/) */
  targets: TargetsService;
  /** a run's target for the runner: the named one, else STREAMCANVAS_FLINK_URL's, else undefined (embedded) */
  runnerTarget: (name: string | undefined) => RunnerTarget | undefined;
};

type Options = {
  dataDir: string; java?: string; examplesDir?: string; external?: { url: string; secret: string };
  /** the folder of filesystem sources and sinks; STREAMCANVAS_DATA_ROOT or files/ in the environment's data dir by default */
  dataRoot?: string;
  log?: (l: string) => void;
  /** STREAMCANVAS_SECRET_KEY; without it the data dir's secret.key (made on first start) seals connection secrets */
  secretKey?: string;
  /** STREAMCANVAS_FLINK_URL: where runs naming no target go (default: the embedded cluster) */
  flinkUrl?: string;
  /** how to start a runner; the java command by default */
  command?: () => RunnerCommand;
};

/** Builds a set of services (tests call this on temp dirs; the server uses getServices). The runner is not started. */
export function createServices(o: Options): Services {
  const store = openStore(o.dataDir);
  const examplesDir = o.examplesDir ?? defaultExamplesDir();
  const dataRoot = o.dataRoot ?? defaultDataRoot();
  seedOnce(store, examplesDir);
  const sealer = openSealer(o.dataDir, o.secretKey);
  const connections = new ConnectionsService(store.connections, sealer);
  const targets = new TargetsService(store.targets, sealer);
  const runnerTarget = (name: string | undefined) => {
    if (name === EMBEDDED) return undefined;
    const t = name ? targets.resolve(name) : defaultTarget(o.flinkUrl);
    return t && runnerTargetOf(t);
  };
  const resolve = (program: Parameters<typeof resolveConnections>[0]) => resolveConnections(program, connections);
  const prepare = (graph: PipelineGraph, client: RunnerClient) => ensureChangeStreams(graph, { connections, client });
  let tracker: RunTracker | undefined;
  const checkpointFailures = new CheckpointFailureLog();
  const taskFailures = new TaskFailureLog();
  const log = o.log ?? ((l: string) => console.log(`[runner] ${l}`));
  const stateDir = path.join(o.dataDir, "flink-state");
  const supervisor = new RunnerSupervisor({
    dataDir: o.dataDir,
    command: o.command ?? (() => javaRunnerCommand(o.java ?? "java", appRoot(), dataRoot, stateDir)),
    external: o.external,
    log: (l) => (checkpointFailures.feed(l), taskFailures.feed(l), log(l)),
    onRunnerLost: () => tracker!.markActiveLost(),
    onRunnerReady: (client) => tracker!.reconcile(client),
  });
  const kafkaOffsets = latestOffsetsVia({ runner: () => supervisor.whenReady(5_000), resolve: (name) => connections.resolve(name) });
  const monitor = new MonitorHub({
    flink: () => supervisor.flinkTarget(), store, checkpointFailures, taskFailures, kafkaOffsets,
    // a run's target as the job page reads it: the stored one, or STREAMCANVAS_FLINK_URL's (ENV_TARGET)
    target: (name) => {
      const t = name === ENV_TARGET ? defaultTarget(o.flinkUrl) : targets.list().some((v) => v.name === name) ? targets.resolve(name) : undefined;
      try {
        return t ? flinkTargetOf(t) : null;
      } catch (e) {
        console.error(`[monitor] target ${name}: ${(e as Error).message}`);
        return null;
      }
    },
    targetNames: () => [...targets.list().map((t) => t.name), ...(o.flinkUrl ? [ENV_TARGET] : [])],
  });
  tracker = new RunTracker(store, supervisor, undefined, dataRoot, {
    stateDir,
    connections: resolve,
    prepare,
    target: runnerTarget,
    targetSavepointDir: (name) => targets.resolve(name).savepointDir,
    clusterLogs: async (jobId) => {
      const flink = monitor.flinkFor(jobId);
      if (!flink) throw new RunnerUnavailable("the cluster of this run is not known, so its TaskManagers' logs cannot be read");
      return clusterUdfLogs(flink, jobId);
    },
    loggedFailure: (jobId) => monitor.loggedFailure(jobId),
    clusterJob: async (jobId) => {
      const job = await monitor.flinkFor(jobId)?.jobIfKnown(jobId);
      return job && { status: job.state, error: null };
    },
  });
  const previews = new PreviewService(() => supervisor.whenReady(60_000), { dataRoot, connections: resolve, prepare });
  return { store, supervisor, tracker, examplesDir, previews, dataRoot, monitor, connections, targets, runnerTarget };
}

const KEY = Symbol.for("streamcanvas.services");
type GlobalWithServices = typeof globalThis & { [KEY]?: Services };

/** The process-wide services, created and started on first use. */
export function getServices(): Services {
  const g = globalThis as GlobalWithServices;
  if (!g[KEY]) {
    const env = getEnv();
    const external = env.STREAMCANVAS_RUNNER_URL
      ? { url: env.STREAMCANVAS_RUNNER_URL, secret: env.STREAMCANVAS_RUNNER_SECRET! }
      : undefined;
    const services = createServices({
      dataDir: path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR), dataRoot: dataRootOf(env), java: env.JAVA, external,
      secretKey: env.STREAMCANVAS_SECRET_KEY, flinkUrl: env.STREAMCANVAS_FLINK_URL,
    });
    g[KEY] = services;
    void services.supervisor.start();
    // the runner we started goes with the server (a runner left by a server killed hard is re-adopted)
    stopRunnerOnSignals(services.supervisor);
  }
  return g[KEY];
}
