// `streamcanvas targets add|list|test|remove`: the server's Flink targets from the command line, in the same store and
// sealed with the same key; and `--target NAME` of run / preview. Secrets never come from argv (ps shows it): the auth
// header from STREAMCANVAS_TARGET_AUTH_HEADER, the truststore password from STREAMCANVAS_TARGET_TRUSTSTORE_PASSWORD.
import { parseArgs } from "node:util";
import type { Env } from "@/env";
import { openSealer } from "@/server/connections/seal";
import { ConnectionInvalid, NotFoundError } from "@/server/errors";
import { runnerFlinkVersion } from "@/server/runner/flink-version";
import { appRoot } from "@/server/runner/spawn";
import { openStore } from "@/server/store/store";
import { testTarget } from "@/server/targets/probe";
import { defaultTarget, runnerTargetOf, type RunnerTarget } from "@/server/targets/runner-target";
import { TargetsService } from "@/server/targets/service";
import { cliDataDir } from "./cli-connections";
import { CliExit } from "./connections-cmd";

export const TARGETS_USAGE = `  streamcanvas targets add NAME URL [--truststore FILE] [--savepoint-dir DIR]
      a remote Flink session cluster by its REST address (http(s)://host:port); an Authorization header from
      STREAMCANVAS_TARGET_AUTH_HEADER, a truststore password from STREAMCANVAS_TARGET_TRUSTSTORE_PASSWORD;
      --savepoint-dir: where its savepoints go (a folder the cluster reaches), else the cluster's state.savepoints.dir
  streamcanvas targets list [--json]
  streamcanvas targets test NAME              its Flink version, TaskManagers and slots (exit 0), or what failed (exit 2)
  streamcanvas targets remove NAME`;

function withTargets<T>(env: Env, fn: (t: TargetsService) => T): T {
  const dir = cliDataDir(env);
  const store = openStore(dir);
  try {
    return fn(new TargetsService(store.targets, openSealer(dir, env.STREAMCANVAS_SECRET_KEY)));
  } finally {
    store.close();
  }
}

/** --target NAME's cluster for the runner; without one STREAMCANVAS_FLINK_URL's, else undefined (the embedded cluster). */
export function cliRunnerTarget(env: Env, name: string | undefined): RunnerTarget | undefined {
  try {
    const t = name ? withTargets(env, (s) => s.resolve(name)) : defaultTarget(env.STREAMCANVAS_FLINK_URL);
    return t && runnerTargetOf(t);
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ConnectionInvalid) throw new CliExit(1, e.message);
    throw e;
  }
}

export async function targetsCommand(env: Env, argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { truststore: { type: "string" }, "savepoint-dir": { type: "string" }, json: { type: "boolean" } } });
  const [verb, name, url, ...rest] = positionals;
  if (rest.length) throw new CliExit(1, `unexpected arguments: ${rest.join(" ")}\n${TARGETS_USAGE}`);
  try {
    switch (verb) {
      case "add": {
        if (!name || !url) throw new CliExit(1, `targets add needs NAME and URL\n${TARGETS_USAGE}`);
        const input = {
          url, ...(values.truststore ? { truststore: values.truststore } : {}),
          ...(values["savepoint-dir"] ? { savepointDir: values["savepoint-dir"] } : {}),
          ...(process.env.STREAMCANVAS_TARGET_AUTH_HEADER ? { authHeader: process.env.STREAMCANVAS_TARGET_AUTH_HEADER } : {}),
          ...(process.env.STREAMCANVAS_TARGET_TRUSTSTORE_PASSWORD ? { truststorePassword: process.env.STREAMCANVAS_TARGET_TRUSTSTORE_PASSWORD } : {}),
        };
        const v = withTargets(env, (s) => s.create(name, input));
        process.stdout.write(`added target ${v.name}: ${v.url}${v.authHeaderSet ? " (auth header sealed)" : ""}\n`);
        return 0;
      }
      case "list": {
        const list = withTargets(env, (s) => s.list());
        const fallback = env.STREAMCANVAS_FLINK_URL ? `STREAMCANVAS_FLINK_URL (${env.STREAMCANVAS_FLINK_URL})` : "embedded";
        if (values.json) process.stdout.write(`${JSON.stringify({ default: fallback, targets: list }, null, 2)}\n`);
        else {
          process.stdout.write(`embedded  the runner's own Flink MiniCluster${fallback === "embedded" ? " (default)" : ""}\n`);
          for (const t of list) process.stdout.write(`${t.name}  ${t.url}${t.authHeaderSet ? "  auth header" : ""}${t.truststore ? `  truststore ${t.truststore}` : ""}${t.savepointDir ? `  savepoints ${t.savepointDir}` : ""}\n`);
          if (fallback !== "embedded") process.stdout.write(`default: ${fallback}\n`);
        }
        return 0;
      }
      case "test": {
        if (!name) throw new CliExit(1, `targets test needs NAME\n${TARGETS_USAGE}`);
        const resolved = withTargets(env, (s) => s.resolve(name));
        const r = await testTarget(resolved, runnerFlinkVersion(appRoot()));
        withTargets(env, (s) => s.recordTest(name, r));
        process.stdout.write(`${values.json ? JSON.stringify(r, null, 2) : `${r.ok ? "ok" : "failed"}: ${r.message}`}\n`);
        return r.ok ? 0 : 2;
      }
      case "remove":
        if (!name) throw new CliExit(1, `targets remove needs NAME\n${TARGETS_USAGE}`);
        withTargets(env, (s) => s.remove(name));
        process.stdout.write(`removed target ${name}\n`);
        return 0;
      default:
        throw new CliExit(1, `unknown targets command "${verb ?? ""}"\n${TARGETS_USAGE}`);
    }
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ConnectionInvalid) throw new CliExit(1, e.message);
    throw e;
  }
}
