// One real Kafka Connect worker (standalone mode, Maven's connect-runtime at the test broker's release, with Debezium's
// PostgreSQL connector on its classpath) per test stage, run as its own java process on a free loopback port, writing
// to the stage's test broker; ready when its REST API lists the Debezium connector plugin; the teardown stops exactly
// the process it started. The change-stream node registers its connectors through that REST API.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runnerKafkaVersion } from "./kafka-broker";
import { alive, freePort, logTail, ownedProcesses } from "./processes";

export type TestConnect = { /** http://127.0.0.1:port of the worker's REST API */ url: string; pid: number; dir: string; stop(): Promise<void> };

const LOOPBACK = "127.0.0.1";
export const DEBEZIUM_POSTGRES_CLASS = "io.debezium.connector.postgresql.PostgresConnector";

/** Resolved once per Kafka version by Maven into jvm-runner/target, like the broker's classpath. */
export function connectClasspath(root: string, version = runnerKafkaVersion(root)): string {
  const out = path.join(root, "jvm-runner", "target", `kafka-connect-${version}.classpath`);
  if (!fs.existsSync(out)) {
    const r = spawnSync("mvn", ["-B", "-q", "-f", path.join(root, "jvm-runner/src/test/kafka-connect/pom.xml"),
      "dependency:build-classpath", `-Dkafka.version=${version}`, `-Dmdep.outputFile=${out}`], { encoding: "utf8", timeout: 300_000 });
    if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`resolving connect-runtime:${version} + Debezium failed: ${r.stdout}${r.stderr}`);
  }
  return fs.readFileSync(out, "utf8").trim();
}

function workerProperties(dir: string, bootstrap: string, port: number): string {
  return [
    `bootstrap.servers=${bootstrap}`,
    // connectors set their own converters (the change stream asks for schemaless JSON); these are the worker's defaults
    "key.converter=org.apache.kafka.connect.json.JsonConverter", "value.converter=org.apache.kafka.connect.json.JsonConverter",
    `offset.storage.file.filename=${path.join(dir, "offsets")}`, "offset.flush.interval.ms=1000",
    `listeners=http://${LOOPBACK}:${port}`, `rest.advertised.host.name=${LOOPBACK}`,
    // Debezium creates its topics through Connect (the test broker refuses auto-creation)
    "topic.creation.enable=true", "",
  ].join("\n");
}

/** Starts the worker against the broker at `bootstrap` and resolves when its REST API offers the Debezium connector. */
export async function startKafkaConnect(bootstrap: string, root = process.cwd(), log: (line: string) => void = () => {}): Promise<TestConnect> {
  const classpath = connectClasspath(root);
  const t0 = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-connect-node-"));
  const port = await freePort();
  const props = path.join(dir, "worker.properties");
  fs.writeFileSync(props, workerProperties(dir, bootstrap, port));
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  const workerLog = path.join(dir, "worker.log");
  const out = fs.openSync(workerLog, "a");
  const child: ChildProcess = spawn(java, ["-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", `-Dsc.test.connect=${dir}`, "-cp", classpath,
    "org.apache.kafka.connect.cli.ConnectStandalone", props], { stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const pid = child.pid!;
  const stop = ownedProcesses(dir, () => [{ child, pid }]);
  const url = `http://${LOOPBACK}:${port}`;
  try {
    await awaitPlugin(pid, url, 120_000, workerLog);
  } catch (e) {
    await stop();
    throw e;
  }
  log(`[kafka-connect] ${url} (Debezium PostgreSQL) ready in ${Date.now() - t0} ms (pid ${pid}, dir ${dir})`);
  return { url, pid, dir, stop };
}

async function awaitPlugin(pid: number, url: string, timeoutMs: number, workerLog: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) throw new Error(`the Kafka Connect worker exited while starting:\n${logTail(workerLog)}`);
    const plugins = await fetch(`${url}/connector-plugins`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => (r.ok ? (r.json() as Promise<{ class: string }[]>) : []), () => []);
    if (plugins.some((p) => p.class === DEBEZIUM_POSTGRES_CLASS)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Kafka Connect worker did not offer ${DEBEZIUM_POSTGRES_CLASS} within ${timeoutMs} ms:\n${logTail(workerLog)}`);
}
