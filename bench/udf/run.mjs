// npm run bench:udf — builds jvm-runner's classes if needed, then runs UdfBench (Java, one embedded Flink) and
// prints its figures: rows/s without a UDF, with a Java UDF and with a TypeScript UDF, c/b, and added latency p99.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const runner = join(root, "jvm-runner");
const args = process.argv.slice(2); // [rows] [rounds]

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: "inherit", cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(join(runner, "target", "lib"))) {
  run("mvn", ["-B", "-q", "-f", "jvm-runner/pom.xml", "package", "-DskipTests"]);
}
run("mvn", ["-B", "-q", "-o", "-f", "jvm-runner/pom.xml", "test-compile"]);

const jvmOptions = readFileSync(join(runner, "jvm.options"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const cp = ["target/test-classes", "target/classes", "target/lib/*"].map((p) => join(runner, p)).join(":");
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`machine: ${cpus().length} cores, load average before: ${load()}`);
run("java", [...jvmOptions, "-Xmx1g", "-cp", cp, "io.streamcanvas.runner.udf.UdfBench", ...args], { cwd: runner });
console.log(pyflinkNote());
console.log(`load average after: ${load()} (other processes on the machine share these cores; figures vary with it)`);

function pyflinkNote() {
  return "(d) PyFlink not measured: `pip install --only-binary=:all: apache-flink==2.3.0` (Python 3.11 venv) ends in"
    + " ResolutionImpossible here, since a dependency has no prebuilt wheel; a source build was not attempted";
}
