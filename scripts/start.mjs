// npm start: checks prerequisites, builds what changed, starts the server (Next.js, which boots the jvm-runner), reports readiness.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { tsImport } from "tsx/esm/api";
import { buildAll } from "./build.mjs";
import { root, say } from "./lib.mjs";

function fail(msg) {
  process.stderr.write(`[streamcanvas] ${msg}\n`);
  process.exit(1);
}

/** stdout + stderr of a version command (java prints to stderr), or null if the command is missing. */
function version(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return r.error?.code === "ENOENT" ? null : `${r.stdout ?? ""}${r.stderr ?? ""}`;
}

function checkPrerequisites(java) {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 20) fail(`Node.js 20 or newer is needed (this is ${process.versions.node})`);
  const jv = version(java, ["-version"]);
  if (jv === null) fail(`Java not found (\`${java}\`): install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless), or set JAVA=/path/to/java`);
  const m = /version "(\d+)(?:\.(\d+))?/.exec(jv);
  const jmajor = m ? (m[1] === "1" ? Number(m[2]) : Number(m[1])) : 0;
  if (jmajor < 17) fail(`Java 17 or newer is needed; \`${java} -version\` says:\n${jv.trim()}`);
  const needMaven = !fs.existsSync(path.join(root, "jvm-runner/target/lib"));
  if (version("mvn", ["-v"]) === null && needMaven) fail("Maven not found: install it (e.g. apt-get install maven) to build jvm-runner");
}

async function waitForPage(url, token, child) {
  let last = "";
  for (;;) {
    if (child.exitCode !== null) return false;
    try {
      const headers = { "x-streamcanvas-secret": token };
      const page = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
      const st = await fetch(new URL("/api/trpc/runner.status", url), { headers, signal: AbortSignal.timeout(5_000) }).then((r) => r.json());
      const s = st?.result?.data;
      const line = s ? `runner ${s.state}: ${s.message}` : "";
      if (line && line !== last) say((last = line));
      if (page.status < 500 && s?.state === "ready") return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

const { parseEnv, EnvError } = await tsImport("../env.ts", import.meta.url);
const { readOrCreateToken } = await tsImport("../server/access/token.ts", import.meta.url);
let env;
try {
  env = parseEnv(process.env);
} catch (e) {
  fail(e instanceof EnvError ? e.message : String(e));
}
checkPrerequisites(env.JAVA);
const code = await buildAll();
if (code) fail("build failed (see above)");

say(`starting the server on ${env.STREAMCANVAS_HOST}:${env.PORT}`);
// Next.js behind our own small server (scripts/serve.mjs), which also takes the tabs' WebSocket upgrades
const next = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "--host", env.STREAMCANVAS_HOST, "--port", String(env.PORT)], {
  cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
const shown = env.STREAMCANVAS_HOST === "0.0.0.0" || env.STREAMCANVAS_HOST === "::" ? "127.0.0.1" : env.STREAMCANVAS_HOST;
const url = `http://${shown.includes(":") ? `[${shown}]` : shown}:${env.PORT}`;
// the per-install token (server/access/token.ts): made here so the URL below can carry it; the server reads the same file
const token = env.STREAMCANVAS_ACCESS_SECRET ?? readOrCreateToken(path.resolve(process.env.STREAMCANVAS_HOME || root, env.STREAMCANVAS_DATA_DIR));
const signIn = env.STREAMCANVAS_ACCESS_SECRET ? `${url}/?token=<your STREAMCANVAS_ACCESS_SECRET>` : `${url}/?token=${token}`;
waitForPage(url, token, next).then((ok) => ok && say(`StreamCanvas ready at ${signIn}`));

/** The runner normally dies with the server; this catches one left behind (e.g. the server was killed hard). */
function stopLeftoverRunner() {
  try {
    const f = JSON.parse(fs.readFileSync(path.resolve(root, env.STREAMCANVAS_DATA_DIR, "runner.json"), "utf8"));
    process.kill(f.pid, "SIGTERM");
  } catch {
    // no runner left
  }
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => next.kill(sig));
next.on("exit", (code, signal) => {
  stopLeftoverRunner();
  process.exit(code ?? (signal ? 0 : 1));
});
