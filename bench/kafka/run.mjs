// npm run bench:kafka — builds jvm-runner's classes if needed, then runs KafkaBench (Java: the test harness's Kafka
// broker and one embedded Flink) and prints its figures: Kafka → map → Kafka rows/s with a Java map and a TypeScript
// map over 1M messages of ~100 bytes, their ratio, and end-to-end latency p50/p99 at 1,000 messages/s.
// Arguments: [messages] [rounds].
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const runner = join(root, "jvm-runner");

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: "inherit", cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(join(runner, "target", "lib"))) run("mvn", ["-B", "-q", "-f", "jvm-runner/pom.xml", "package", "-DskipTests"]);
run("mvn", ["-B", "-q", "-o", "-f", "jvm-runner/pom.xml", "test-compile"]);

const jvmOptions = readFileSync(join(runner, "jvm.options"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
// the test classpath (KafkaBroker, the harness, is a JUnit extension), resolved by Maven once into target/
const testCp = join(runner, "target", "bench-test-classpath.txt");
if (!existsSync(testCp)) {
  run("mvn", ["-B", "-q", "-o", "-f", "jvm-runner/pom.xml", "dependency:build-classpath", "-Dmdep.includeScope=test", `-Dmdep.outputFile=${testCp}`]);
}
const cp = [join(runner, "target/test-classes"), join(runner, "target/classes"), readFileSync(testCp, "utf8").trim()].join(":");
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`machine: ${cpus().length} cores, load average before: ${load()}`);
// the broker harness resolves its classpath with Maven relative to jvm-runner/ (KafkaBroker.brokerClasspath)
// Flink's Kafka source warns that a job without a group id commits no offsets: as intended here
const quiet = ["-Dorg.slf4j.simpleLogger.log.org.apache.flink.connector.kafka=error"];
run("java", [...jvmOptions, "-Xmx1g", ...quiet, "-cp", cp, "io.streamcanvas.runner.kafka.KafkaBench", ...process.argv.slice(2)], { cwd: runner });
console.log(`load average after: ${load()} (other processes on the machine share these cores; figures vary with it)`);
