// One real Kafka broker (KRaft, Maven's kafka_2.13 at the runner's kafka-clients version) per test stage, run as its own
// java process on free loopback ports — a PLAINTEXT listener, a SASL_PLAINTEXT one (SCRAM-SHA-256/512 and PLAIN, one
// user) and an SSL one (a self-signed certificate; tls.truststore trusts it) — with a readiness check and a teardown that stops exactly the process it started. Mirrors
// jvm-runner/src/test/java/io/streamcanvas/runner/KafkaBroker.java and shares its Maven-resolved classpath file.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { makeTestTls, type TestTls } from "./kafka-tls";
import { apiVersionsOk } from "./kafka-wire";
import { alive, freePort, logTail, ownedProcesses } from "./processes";

export type TestBroker = {
  /** host:port of the PLAINTEXT listener */ bootstrap: string;
  /** host:port of the SASL_PLAINTEXT listener (SCRAM-SHA-256, SCRAM-SHA-512, PLAIN) */ saslBootstrap: string;
  /** host:port of the SSL listener, whose certificate only `tls.truststore` (PKCS12, `tls.password`) trusts */
  sslBootstrap: string; tls: Pick<TestTls, "truststore" | "password">;
  user: string; password: string; pid: number; dir: string;
  /** the broker's classpath (kafka_2.13 and its dependencies), e.g. for server/testing/kafka-tool.ts */ classpath: string;
  stop(): Promise<void>;
};

const LOOPBACK = "127.0.0.1";

/** The kafka-clients version the runner was built with (jvm-runner/target/lib): the broker runs the same release. */
export function runnerKafkaVersion(root: string): string {
  const lib = path.join(root, "jvm-runner", "target", "lib");
  const jar = fs.existsSync(lib) ? fs.readdirSync(lib).find((f) => /^kafka-clients-.+\.jar$/.test(f)) : undefined;
  if (!jar) throw new Error(`no kafka-clients jar in ${lib}: build the runner first (mvn -B -q -f jvm-runner/pom.xml package -DskipTests)`);
  return jar.slice("kafka-clients-".length, -".jar".length);
}

/** Resolved once per version by Maven into jvm-runner/target (the same file the Java harness writes and reads). */
export function brokerClasspath(root: string, version = runnerKafkaVersion(root)): string {
  const out = path.join(root, "jvm-runner", "target", `kafka-broker-${version}.classpath`);
  if (!fs.existsSync(out)) {
    const r = spawnSync("mvn", ["-B", "-q", "-f", path.join(root, "jvm-runner/src/test/kafka-broker/pom.xml"),
      "dependency:build-classpath", `-Dkafka.version=${version}`, `-Dmdep.outputFile=${out}`], { encoding: "utf8", timeout: 300_000 });
    if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`resolving kafka_2.13:${version} failed: ${r.stdout}${r.stderr}`);
  }
  return fs.readFileSync(out, "utf8").trim();
}

type Ports = { port: number; saslPort: number; sslPort: number; controller: number };

function serverProperties(dir: string, { port, saslPort, sslPort, controller }: Ports, user: string, password: string, tls: TestTls): string {
  const scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
  return [
    "process.roles=broker,controller", "node.id=1", `controller.quorum.voters=1@${LOOPBACK}:${controller}`,
    `listeners=PLAINTEXT://${LOOPBACK}:${port},SASL_PLAINTEXT://${LOOPBACK}:${saslPort},SSL://${LOOPBACK}:${sslPort},CONTROLLER://${LOOPBACK}:${controller}`,
    `advertised.listeners=PLAINTEXT://${LOOPBACK}:${port},SASL_PLAINTEXT://${LOOPBACK}:${saslPort},SSL://${LOOPBACK}:${sslPort}`,
    "controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT",
    `ssl.keystore.type=PKCS12`, `ssl.keystore.location=${tls.keystore}`, `ssl.keystore.password=${tls.password}`, `ssl.key.password=${tls.password}`,
    "sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512,PLAIN",
    `listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=${scram}`,
    `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${scram}`,
    // the generated user and password are [A-Za-z0-9-] only, so they need no JAAS quoting here
    `listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_${user}="${password}";`,
    `log.dirs=${path.join(dir, "logs")}`,
    // a single broker: every internal topic with one replica
    "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
    "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
    "group.initial.rebalance.delay.ms=0",
    // Flink's exactly-once Kafka sink asks transaction.timeout.ms = 1 h; the broker's default cap is 15 min
    "transaction.max.timeout.ms=3600000",
    // tests create their topics; a typo must not create one silently
    "auto.create.topics.enable=false", "",
  ].join("\n");
}

/** Starts the broker and resolves when both listeners answer a Kafka request. `root` holds jvm-runner/. */
export async function startKafkaBroker(root = process.cwd(), log: (line: string) => void = () => {}): Promise<TestBroker> {
  const classpath = brokerClasspath(root);
  const t0 = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-kafka-node-"));
  const ports: Ports = { port: await freePort(), saslPort: await freePort(), sslPort: await freePort(), controller: await freePort() };
  const { port, saslPort, sslPort } = ports;
  const tls = makeTestTls(dir);
  const user = "sc-test";
  const password = `sc-pw-${randomBytes(9).toString("hex")}`;
  const props = path.join(dir, "server.properties");
  fs.writeFileSync(props, serverProperties(dir, ports, user, password, tls));
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  const scram = (m: string) => ["--add-scram", `${m}=[name=${user},password=${password}]`];
  const format = spawnSync(java, ["-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "kafka.tools.StorageTool", "format",
    "-t", randomUUID(), "-c", props, ...scram("SCRAM-SHA-256"), ...scram("SCRAM-SHA-512")], { encoding: "utf8", timeout: 60_000 });
  if (format.status !== 0) throw new Error(`kafka-storage format failed: ${format.stdout}${format.stderr}`);
  const brokerLog = path.join(dir, "broker.log");
  const out = fs.openSync(brokerLog, "a");
  const child: ChildProcess = spawn(java, ["-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
    `-Dsc.test.kafka=${dir}`, "-cp", classpath, "kafka.Kafka", props], { stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const pid = child.pid!;
  const stop = ownedProcesses(dir, () => [{ child, pid }]);
  try {
    // the SSL port is ready when it accepts a connection (ApiVersions would need a TLS handshake first)
    await awaitReady(pid, [port, saslPort], 90_000, brokerLog, sslPort);
  } catch (e) {
    await stop();
    throw e;
  }
  log(`[kafka-broker] ${LOOPBACK}:${port} (SASL ${LOOPBACK}:${saslPort}, SSL ${LOOPBACK}:${sslPort}) ready in ${Date.now() - t0} ms (pid ${pid}, dir ${dir})`);
  return {
    bootstrap: `${LOOPBACK}:${port}`, saslBootstrap: `${LOOPBACK}:${saslPort}`, sslBootstrap: `${LOOPBACK}:${sslPort}`,
    tls: { truststore: tls.truststore, password: tls.password }, user, password, pid, dir, classpath, stop,
  };
}

const accepts = (port: number) => new Promise<boolean>((resolve) => {
  const s = net.connect({ host: LOOPBACK, port }, () => (s.destroy(), resolve(true)));
  s.on("error", () => resolve(false));
});

async function awaitReady(pid: number, ports: number[], timeoutMs: number, brokerLog: string, tcpPort: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) throw new Error(`the Kafka broker exited while starting:\n${logTail(brokerLog)}`);
    const answers = await Promise.all(ports.map((p) => apiVersionsOk(LOOPBACK, p, 1_000)));
    if (answers.every(Boolean) && (await accepts(tcpPort))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the Kafka broker did not answer within ${timeoutMs} ms:\n${logTail(brokerLog)}`);
}

