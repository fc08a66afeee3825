// npm run bench:udf — builds jvm-runner's classes if needed, then runs UdfBench (Java, one embedded Flink) and
// prints its figures: rows/s without a UDF, with a Java UDF, with a TypeScript UDF and (when pip can install
// apache-flink at the runner's Flink version into a cached venv) with a PyFlink UDF; c/b, c/d and added latency p99;
// then bench/udf/startup.ts: a worker's start-up without and with the sandbox.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { cpus, homedir, loadavg } from "node:os";
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
const flinkVersion = readFileSync(join(runner, "pom.xml"), "utf8").match(/<flink\.version>([^<]+)</)[1];
// BENCH_PYFLINK=0 skips (d) (its first run pip-installs apache-flink, which takes minutes)
const py = process.env.BENCH_PYFLINK === "0" ? { why: "BENCH_PYFLINK=0" } : pyflink(flinkVersion); // { python, jar } or { why }
const pyArgs = py.why ? [] : [
  `-Dbench.python=${py.python}`,
  // Beam's teardown warning prints the Python worker's whole environment; the worker's own start-up warnings are noise.
  "-Dorg.slf4j.simpleLogger.log.org.apache.beam.runners.fnexecution.control.DefaultJobBundleFactory=error",
  "-Dorg.slf4j.simpleLogger.log.PythonWorker=error",
];
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`machine: ${cpus().length} cores, load average before: ${load()}`);
const classpath = py.why ? cp : `${cp}:${py.jar}`;
run("java", [...jvmOptions, "-Xmx1g", ...pyArgs, "-cp", classpath, "io.streamcanvas.runner.udf.UdfBench", ...args], { cwd: runner });
if (py.why) console.log(`(d) PyFlink not measured: ${py.why}`);
run("npx", ["tsx", "bench/udf/startup.ts"]); // what the sandbox adds to a worker's start-up
console.log(`load average after: ${load()} (other processes on the machine share these cores; figures vary with it)`);

/** A venv with apache-flink==<version> outside the repo (made once; pip takes minutes), or why there is none. */
function pyflink(version) {
  const venv = join(homedir(), ".cache", "streamcanvas", `pyflink-${version}`);
  const vpy = join(venv, "bin", "python");
  const locate = () => spawnSync(vpy, ["-c", "import os, pyflink; print(os.path.dirname(pyflink.__file__))"], { encoding: "utf8" });
  let found = existsSync(vpy) ? locate() : null;
  if (found?.status !== 0) {
    const base = findPython();
    if (base.why) return base;
    mkdirSync(dirname(venv), { recursive: true });
    console.log(`(d) PyFlink: installing apache-flink==${version} with ${base.python} (${base.version}) into ${venv}; once, takes minutes`);
    const steps = [[base.python, ["-m", "venv", venv]], [vpy, ["-m", "pip", "install", "--progress-bar", "off", `apache-flink==${version}`]]];
    for (const [cmd, argv] of steps) {
      const r = spawnSync(cmd, argv, { stdio: "inherit" });
      if (r.status !== 0) return { why: `\`${cmd} ${argv.join(" ")}\` ${r.error ? `failed: ${r.error.message}` : `exited with status ${r.status} (output above)`}` };
    }
    found = locate();
    if (found.status !== 0) return { why: `apache-flink installed into ${venv} but \`import pyflink\` fails: ${found.stderr.trim()}` };
  }
  const jar = join(found.stdout.trim(), "opt", `flink-python-${version}.jar`);
  if (!existsSync(jar)) return { why: `the apache-flink wheel in ${venv} has no ${jar}` };
  return { python: vpy, jar };
}

/** python3 (or python3.12 … python3.9) at version ≥ 3.9, which apache-flink 2.x requires. */
function findPython() {
  const seen = [];
  for (const cmd of ["python3", "python3.12", "python3.11", "python3.10", "python3.9"]) {
    const r = spawnSync(cmd, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
    if (r.status !== 0) continue;
    const version = r.stdout.trim();
    const [major, minor] = version.split(".").map(Number);
    if (major === 3 && minor >= 9) return { python: cmd, version };
    seen.push(`${cmd} is ${version}`);
  }
  return { why: `no Python ≥ 3.9 found on PATH (tried python3, python3.12 … python3.9${seen.length ? `; ${seen.join(", ")}` : ""})` };
}
