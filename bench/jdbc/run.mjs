// npm run bench:jdbc — builds jvm-runner's classes if needed, then runs JdbcBench (Java: the test harness's PostgreSQL
// and one embedded Flink) and prints its figures: a lookup join of 200k stream rows against a 100k-row table without
// and with the cache, and an upsert sink of 200k rows over 50k keys, each through StreamCanvas's IR translators and as
// the same job in Flink SQL, rows/s and their ratio. Arguments: [rows] [rounds].
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
// the test classpath (PostgresServer, the harness, is a JUnit extension), resolved by Maven once into target/
const testCp = join(runner, "target", "bench-test-classpath.txt");
if (!existsSync(testCp)) {
  run("mvn", ["-B", "-q", "-o", "-f", "jvm-runner/pom.xml", "dependency:build-classpath", "-Dmdep.includeScope=test", `-Dmdep.outputFile=${testCp}`]);
}
const cp = [join(runner, "target/test-classes"), join(runner, "target/classes"), readFileSync(testCp, "utf8").trim()].join(":");
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`machine: ${cpus().length} cores, load average before: ${load()}`);
run("java", [...jvmOptions, "-Xmx1g", "-cp", cp, "io.streamcanvas.runner.jdbc.JdbcBench", ...process.argv.slice(2)], { cwd: runner });
console.log(`load average after: ${load()} (other processes on the machine share these cores; figures vary with it)`);
