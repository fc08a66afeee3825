// npm run build: builds jvm-runner (Maven) and the Next.js app, each only when its sources changed since the last build.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildMonaco } from "./build-monaco.mjs";
import { hashSources, npxBin, readStamp, root, run, say, writeStamp } from "./lib.mjs";

export const JAVA_SOURCES = ["jvm-runner/pom.xml", "jvm-runner/src", "jvm-runner/jvm.options"];
export const NEXT_SOURCES = [
  "app", "components", "pipeline", "server", "env.ts", "proxy.ts", "instrumentation.ts",
  "next.config.ts", "tsconfig.json", "package-lock.json", "public",
];

const javaBuilt = () =>
  fs.existsSync(path.join(root, "jvm-runner/target/classes/io")) && fs.existsSync(path.join(root, "jvm-runner/target/lib"));

/** mvn package; with tests=false skips them (the start path); test.mjs runs it with tests. Returns an exit code. */
export async function buildJava({ tests = false, force = false } = {}) {
  const hash = hashSources(JAVA_SOURCES);
  if (!force && javaBuilt() && readStamp("jvm-runner") === hash) {
    say("jvm-runner: up to date");
    return 0;
  }
  say(`jvm-runner: building with Maven${tests ? " (with tests)" : ""}; the first build downloads Flink and takes a few minutes`);
  const args = ["-B", ...(tests ? [] : ["-q", "-DskipTests"]), "-f", "jvm-runner/pom.xml", "package"];
  const { code, seconds } = await run("mvn", args, { label: "maven" });
  if (code === 0) {
    writeStamp("jvm-runner", hash);
    say(`jvm-runner: built in ${seconds.toFixed(0)} s`);
  }
  return code;
}

/** next build, skipped when the app's sources and the lockfile are unchanged and a build exists. */
export async function buildNext({ force = false } = {}) {
  // Monaco first: the app serves public/monaco (loaded when a UDF editor opens), and its sources' hash includes it.
  const monaco = await buildMonaco();
  if (monaco) return monaco;
  const hash = hashSources(NEXT_SOURCES);
  if (!force && fs.existsSync(path.join(root, ".next/BUILD_ID")) && readStamp("next") === hash) {
    say("web app: up to date");
    return 0;
  }
  say("web app: next build");
  const { code, seconds } = await run(npxBin("next"), ["build"], { label: "next build", env: { NEXT_TELEMETRY_DISABLED: "1" } });
  if (code === 0) {
    writeStamp("next", hash);
    say(`web app: built in ${seconds.toFixed(0)} s`);
  }
  return code;
}

export async function buildAll() {
  return (await buildJava()) || (await buildNext());
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await buildAll();
  if (code) say("build failed");
  process.exit(code);
}
