// One real PostgreSQL (Debian's package) per test stage: initdb into a temp folder as a dedicated non-root user (initdb and
// postgres refuse root), `pg_ctl start` on a free loopback port with wal_level=logical, a login role with a password and
// its own database; the teardown stops exactly that server. Mirrors jvm-runner/src/test/java/io/streamcanvas/runner/PostgresServer.java.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./processes";

export type TestPostgres = {
  host: string; port: number; database: string; user: string; password: string;
  /** the server's major version, e.g. "15" */ version: string; dir: string;
  /** runs SQL as the test role over TCP and returns psql's unaligned, tuples-only output */ psql(sql: string): string;
  stop(): void;
};

const LOOPBACK = "127.0.0.1";

/** Where Debian puts the server binaries (/usr/lib/postgresql/<major>/bin, newest first), or STREAMCANVAS_PG_BIN. */
export function postgresBinDir(): string {
  const fromEnv = process.env.STREAMCANVAS_PG_BIN;
  if (fromEnv) return fromEnv;
  const base = "/usr/lib/postgresql";
  const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = majors.map((v) => path.join(base, v, "bin")).find((d) => fs.existsSync(path.join(d, "pg_ctl")));
  if (!found) throw new Error(`no PostgreSQL server binaries under ${base}/<version>/bin: install Debian's package (apt-get install -y postgresql) or set STREAMCANVAS_PG_BIN`);
  return found;
}

/** As root, the server runs as the `postgres` account Debian's package creates (or STREAMCANVAS_PG_OS_USER). */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env.STREAMCANVAS_PG_OS_USER ?? "postgres";
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.split(":")[0] === name);
  if (!line) throw new Error(`running as root, and there is no "${name}" account to run PostgreSQL as (initdb refuses root): install Debian's postgresql package or set STREAMCANVAS_PG_OS_USER`);
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function run(cmd: string, args: string[], opts: SpawnSyncOptions, what: string): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 120_000, ...opts });
  if (r.status !== 0) throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stdout}${r.stderr}`);
  return String(r.stdout);
}

/** Starts the server and resolves once it takes connections (pg_ctl -w) and the test role and database exist. */
export async function startPostgres(log: (line: string) => void = () => {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const account = serverAccount();
  const t0 = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-pg-node-"));
  if (account) fs.chownSync(dir, account.uid, account.gid);
  const as: SpawnSyncOptions = { ...(account ?? {}), cwd: dir, env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } };
  const data = path.join(dir, "data");
  const port = await freePort();
  const user = "sc_test";
  const database = "sc_test";
  const password = `sc-pw-${randomBytes(9).toString("hex")}`;
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], as, "initdb");
  const settings = [`port=${port}`, `listen_addresses=${LOOPBACK}`, "wal_level=logical", "max_wal_senders=10",
    "max_replication_slots=10", `unix_socket_directories=${dir}`, "fsync=off", "synchronous_commit=off", "full_page_writes=off"];
  const serverLog = path.join(dir, "server.log");
  const pgCtl = (args: string[], what: string) => run(path.join(bin, "pg_ctl"), ["-D", data, ...args], as, what);
  pgCtl(["-w", "-t", "60", "-l", serverLog, "-o", settings.map((s) => `-c ${s}`).join(" "), "start"], "pg_ctl start");
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stop);
    spawnSync(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], { ...as, timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // if this process ends without teardown, the server must not outlive it
  process.on("exit", stop);
  try {
    // the password is [a-z0-9-] only, so quoting it as a literal is exact
    run(path.join(bin, "psql"), ["-h", dir, "-p", String(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q",
      "-c", `CREATE ROLE ${user} LOGIN CREATEDB REPLICATION PASSWORD '${password}'`, "-c", `CREATE DATABASE ${database} OWNER ${user}`],
      as, "creating the test role and database");
  } catch (e) {
    stop();
    throw e;
  }
  const psql = (sql: string) => run(path.join(bin, "psql"), ["-h", LOOPBACK, "-p", String(port), "-U", user, "-d", database,
    "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t", "-q", "-c", sql], { env: { ...as.env!, PGPASSWORD: password } }, "psql");
  const version = psql("SHOW server_version_num").trim().slice(0, -4);
  log(`[postgres] ${LOOPBACK}:${port} (PostgreSQL ${version}, wal_level=logical) ready in ${Date.now() - t0} ms (dir ${dir})`);
  return { host: LOOPBACK, port, database, user, password, version, dir, psql, stop };
}
