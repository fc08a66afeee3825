// A real standalone Flink session cluster per test stage: 1 JobManager + 2 TaskManagers (2 slots each) as separate java
// processes of the official distribution's entrypoint classes, on free loopback ports, small memory, plain HTTP REST;
// ready when its REST API lists both TaskManagers with every slot free; teardown stops exactly the processes it started.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { flinkDist, runnerFlinkVersion } from "./flink-dist";
import { absolute, alive, freePort, logTail, ownedProcesses, stopChild, withoutNode } from "./processes";

export type TestFlinkCluster = {
  /** the JobManager's REST API, http://127.0.0.1:port */ url: string;
  version: string; taskManagers: number; slotsPerTaskManager: number;
  /** JobManager first, then the TaskManagers, as started */ pids: number[];
  dir: string;
  /** the JobManager's and TaskManagers' pids now (a restarted TaskManager has a new one) */
  currentPids(): number[];
  /** SIGKILLs TaskManager `n` (1-based): the fault tests' crash; resolves once the process is gone */
  killTaskManager(n: number): Promise<number>;
  /** starts TaskManager `n` again under its resource id (no-op while it runs); stop() stops it like the others */
  startTaskManager(n: number): number;
  /** starts (true) or stops (false) an extra TaskManager, sc-test-tm-no-node, whose PATH has no `node` */
  taskManagerWithoutNode(start: boolean): Promise<number>;
  stop(): Promise<void>;
};

const LOOPBACK = "127.0.0.1";
const DEFAULT_TASK_MANAGERS = 2;
const SLOTS = 2;

/** Every memory part of a TaskManager set explicitly (what bin/taskmanager.sh derives with BashJavaUtils), kept small. */
const TM_MEMORY = { frameworkHeap: 64, taskHeap: 192, frameworkOffHeap: 64, taskOffHeap: 0, network: 32, managed: 64, metaspace: 192 };

function config(restPort: number, rpcPort: number, dir: string): string {
  const m = TM_MEMORY;
  const entries: Record<string, string | number> = {
    "jobmanager.rpc.address": LOOPBACK, "jobmanager.rpc.port": rpcPort, "jobmanager.bind-host": LOOPBACK,
    "rest.address": LOOPBACK, "rest.bind-address": LOOPBACK, "rest.port": restPort,
    "taskmanager.host": LOOPBACK, "taskmanager.bind-host": LOOPBACK,
    "taskmanager.numberOfTaskSlots": SLOTS, "taskmanager.cpu.cores": SLOTS,
    "taskmanager.memory.framework.heap.size": `${m.frameworkHeap}m`, "taskmanager.memory.task.heap.size": `${m.taskHeap}m`,
    "taskmanager.memory.framework.off-heap.size": `${m.frameworkOffHeap}m`, "taskmanager.memory.task.off-heap.size": `${m.taskOffHeap}m`,
    "taskmanager.memory.network.min": `${m.network}m`, "taskmanager.memory.network.max": `${m.network}m`,
    "taskmanager.memory.managed.size": `${m.managed}m`, "taskmanager.memory.jvm-metaspace.size": `${m.metaspace}m`,
    // only reported (the process size Flink shows), but Flink insists on it when the JVM was not started by its scripts
    "taskmanager.memory.jvm-overhead.min": "128m", "taskmanager.memory.jvm-overhead.max": "128m",
    "jobmanager.memory.heap.size": "256m", "jobmanager.memory.off-heap.size": "64m", "jobmanager.memory.jvm-metaspace.size": "192m",
    // a job of parallelism 4 on 2 × 2 slots takes both TaskManagers; fewer subtasks spread over both as well (Flink 2
    // dropped cluster.evenly-spread-out-slots for this option: a job of parallelism 2 otherwise lands on one TaskManager)
    "taskmanager.load-balance.mode": "SLOTS",
    // the monitor's figures: REST metrics refreshed every second, as on the embedded cluster
    "metrics.fetcher.update-interval": 1000,
    // a SIGKILLed TaskManager is declared lost after 2 failed heartbeat RPCs (heartbeat.rpc-failure-threshold): every 3 s
    // instead of 10 s, so the fault tests' failover starts within seconds; the 50 s timeout for a silent one is kept
    "heartbeat.interval": 3000,
    // where stop-with-savepoint writes when a run names no folder (what a real cluster's state.savepoints.dir does)
    "execution.checkpointing.savepoint-dir": `file://${path.join(dir, "savepoints")}`,
    "io.tmp.dirs": path.join(dir, "tmp"), "web.tmpdir": path.join(dir, "web"), "blob.storage.directory": path.join(dir, "blob"),
  };
  return `${Object.entries(entries).map(([k, v]) => `${k}: ${JSON.stringify(String(v))}`).join("\n")}\n`;
}

const LOG4J = [
  "rootLogger.level = INFO", "rootLogger.appenderRef.file.ref = file",
  "appender.file.type = File", "appender.file.name = file", "appender.file.fileName = ${sys:log.file}",
  "appender.file.layout.type = PatternLayout", "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1.} - %m%n", "",
].join("\n");

/** Resident memory of a process in MiB (0 when it is gone). */
export function rssMiB(pid: number): number {
  try {
    const kb = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)/m)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}


/** JVM flags Flink needs on JDK 17 (the runner's jvm.options, as bin/config.sh adds env.java.opts). */
function moduleFlags(root: string): string[] {
  return fs.readFileSync(path.join(root, "jvm-runner", "jvm.options"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

/**
 * Starts the cluster and resolves once its REST API shows every TaskManager with all slots free (2 × 2 unless
 * `taskManagers` says how many; bench:cluster compares 1 and 2). `root` holds jvm-runner/.
 */
export async function startFlinkCluster(root = process.cwd(), log: (line: string) => void = () => {},
  { taskManagers: TASK_MANAGERS = DEFAULT_TASK_MANAGERS }: { taskManagers?: number } = {}): Promise<TestFlinkCluster> {
  const version = runnerFlinkVersion(root);
  const dist = flinkDist(version, log);
  const t0 = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-flink-cluster-"));
  const conf = path.join(dir, "conf");
  fs.mkdirSync(conf);
  for (const d of ["tmp", "web", "blob", "log", "savepoints"]) fs.mkdirSync(path.join(dir, d));
  const [restPort, rpcPort] = [await freePort(), await freePort()];
  fs.writeFileSync(path.join(conf, "config.yaml"), config(restPort, rpcPort, dir));
  fs.writeFileSync(path.join(conf, "log4j.properties"), LOG4J);
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  const classpath = path.join(dist, "lib", "*");
  const children: { child: ChildProcess; pid: number; name: string; log: string }[] = [];
  const launch = (name: string, jvm: string[], main: string, args: string[] = [], env = process.env) => {
    const logFile = path.join(dir, "log", `${name}.log`);
    const out = fs.openSync(path.join(dir, "log", `${name}.out`), "a");
    const child = spawn(env === process.env ? java : absolute(java), [...moduleFlags(root), ...jvm, "-XX:+UseSerialGC", `-Dlog.file=${logFile}`,
      `-Dlog4j.configurationFile=file:${path.join(conf, "log4j.properties")}`, `-Dsc.test.flink=${dir}`,
      "-cp", classpath, main, "--configDir", conf, ...args], { stdio: ["ignore", out, out], cwd: dir, env });
    fs.closeSync(out);
    children.push({ child, pid: child.pid!, name, log: logFile });
  };
  const m = TM_MEMORY;
  launch("jobmanager", ["-Xms256m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m"], "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
  const launchTaskManager = (i: number | "no-node", env = process.env) => {
    const heap = m.frameworkHeap + m.taskHeap;
    launch(`taskmanager-${i}`, [`-Xms${heap}m`, `-Xmx${heap}m`, `-XX:MaxDirectMemorySize=${m.frameworkOffHeap + m.taskOffHeap + m.network}m`,
      `-XX:MaxMetaspaceSize=${m.metaspace}m`], "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", ["-D", `taskmanager.resource-id=sc-test-tm-${i}`], env);
  };
  for (let i = 1; i <= TASK_MANAGERS; i++) launchTaskManager(i);
  // newest first: TaskManagers before the JobManager, so it does not log them as lost and try to recover their slots
  const stopAll = ownedProcesses(dir, () => children);
  let stopped = false; // a TaskManager (re)started after teardown would outlive the stage
  const stop = () => ((stopped = true), stopAll());
  const url = `http://${LOOPBACK}:${restPort}`;
  try {
    await awaitReady(url, children, TASK_MANAGERS, 120_000);
  } catch (e) {
    await stop();
    throw e;
  }
  const rss = children.map((c) => `${c.name} ${rssMiB(c.pid)}`).join(", ");
  log(`[flink-cluster] Flink ${version} at ${url}: ${TASK_MANAGERS} TaskManagers × ${SLOTS} slots ready in ${Date.now() - t0} ms; RSS MiB ${rss} (dir ${dir})`);
  // the last process started under a name is the live one; a killed TaskManager's entry stays for stop() to reap
  const current = (name: string) => children.filter((c) => c.name === name).at(-1);
  const tmName = (n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > TASK_MANAGERS) throw new Error(`no TaskManager ${n}: the test cluster has 1..${TASK_MANAGERS}`);
    return `taskmanager-${n}`;
  };
  const currentPids = () => ["jobmanager", ...Array.from({ length: TASK_MANAGERS }, (_, i) => `taskmanager-${i + 1}`)].map((n) => current(n)!.pid);
  const killTaskManager = async (n: number) => {
    const c = current(tmName(n))!;
    if (alive(c.pid)) {
      const exited = new Promise<void>((r) => (c.child.exitCode !== null || c.child.signalCode !== null ? r() : c.child.once("exit", () => r())));
      c.child.kill("SIGKILL");
      await exited;
    }
    return c.pid;
  };
  const startTaskManager = (n: number) => {
    const c = current(tmName(n))!;
    if (alive(c.pid) || stopped) return c.pid;
    launchTaskManager(n);
    return current(tmName(n))!.pid;
  };
  const taskManagerWithoutNode = async (start: boolean) => {
    const c = current("taskmanager-no-node");
    if (!start) return c ? (await stopChild(c.child, c.pid), c.pid) : 0;
    if (c && alive(c.pid)) return c.pid;
    launchTaskManager("no-node", withoutNode(process.env));
    return current("taskmanager-no-node")!.pid;
  };
  return { url, version, taskManagers: TASK_MANAGERS, slotsPerTaskManager: SLOTS, pids: currentPids(), dir, currentPids, killTaskManager, startTaskManager,
    taskManagerWithoutNode, stop };
}

async function awaitReady(url: string, children: { pid: number; name: string; log: string }[], TASK_MANAGERS: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    const dead = children.find((c) => !alive(c.pid));
    if (dead) throw new Error(`the test Flink cluster's ${dead.name} exited while starting:\n${logTail(dead.log)}`);
    try {
      const res = await fetch(`${url}/overview`, { signal: AbortSignal.timeout(2_000) });
      const o = (await res.json()) as { taskmanagers?: number; "slots-total"?: number; "slots-available"?: number };
      last = `${o.taskmanagers} TaskManagers, ${o["slots-available"]}/${o["slots-total"]} slots free`;
      if (o.taskmanagers === TASK_MANAGERS && o["slots-total"] === TASK_MANAGERS * SLOTS && o["slots-available"] === o["slots-total"]) return;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the test Flink cluster at ${url} was not ready within ${timeoutMs} ms (last: ${last}):\n${logTail(children[0]!.log)}`);
}

