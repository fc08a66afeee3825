// The launcher that bench:kafka and bench:jdbc share: builds jvm-runner's classes if needed, resolves the test classpath
// (the harnesses, KafkaBroker and PostgresServer, are JUnit extensions) once into target/, then runs one Java benchmark
// main with the runner's JVM options and prints the machine's cores and load around it (figures vary with other load).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runner = join(root, "jvm-runner");

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: "inherit", cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Runs `mainClass` (e.g. io.streamcanvas.runner.kafka.KafkaBench) with this process's arguments after `jvmArgs`. */
export function runJavaBench(mainClass, jvmArgs = []) {
  if (!existsSync(join(runner, "target", "lib"))) run("mvn", ["-B", "-q", "-f", "jvm-runner/pom.xml", "package", "-DskipTests"]);
  run("mvn", ["-B", "-q", "-o", "-f", "jvm-runner/pom.xml", "test-compile"]);
  const jvmOptions = readFileSync(join(runner, "jvm.options"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const testCp = join(runner, "target", "bench-test-classpath.txt");
  if (!existsSync(testCp)) {
    run("mvn", ["-B", "-q", "-o", "-f", "jvm-runner/pom.xml", "dependency:build-classpath", "-Dmdep.includeScope=test", `-Dmdep.outputFile=${testCp}`]);
  }
  const cp = [join(runner, "target/test-classes"), join(runner, "target/classes"), readFileSync(testCp, "utf8").trim()].join(":");
  const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`machine: ${cpus().length} cores, load average before: ${load()}`);
  // cwd jvm-runner/: the harnesses resolve their own classpaths with Maven relative to it (KafkaBroker.brokerClasspath)
  run("java", [...jvmOptions, "-Xmx1g", ...jvmArgs, "-cp", cp, mainClass, ...process.argv.slice(2)], { cwd: runner });
  console.log(`load average after: ${load()} (other processes on the machine share these cores; figures vary with it)`);
}
