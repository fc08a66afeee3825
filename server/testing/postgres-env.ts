// The shared test PostgreSQL as a test sees it: address, database and role, from the environment the stage's global setup
// (server/testing/postgres-global-setup.ts) exported.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { postgresBinDir } from "./postgres-server";
export type TestPostgresAddress = { host: string; port: number; database: string; user: string; password: string };

/** STREAMCANVAS_TEST_PG is host:port; the rest name the test database and its login role. */
export const TEST_PG_ENV = {
  address: "STREAMCANVAS_TEST_PG", database: "STREAMCANVAS_TEST_PG_DATABASE",
  user: "STREAMCANVAS_TEST_PG_USER", password: "STREAMCANVAS_TEST_PG_PASSWORD",
} as const;

/** The server's address and role; throws naming the missing variable when the stage started none. */
export function testPostgres(): TestPostgresAddress {
  const get = (k: keyof typeof TEST_PG_ENV) => {
    const v = process.env[TEST_PG_ENV[k]];
    if (!v) throw new Error(`${TEST_PG_ENV[k]} is not set: run under the integration project or Playwright, whose global setup starts the test PostgreSQL`);
    return v;
  };
  const address = get("address");
  const at = address.lastIndexOf(":");
  return { host: address.slice(0, at), port: Number(address.slice(at + 1)), database: get("database"), user: get("user"), password: get("password") };
}

/** Runs SQL on the test database as the test role (psql over TCP); throws with psql's message when it fails. */
export function testPsql(sql: string): string {
  const pg = testPostgres();
  const r = spawnSync(path.join(postgresBinDir(), "psql"), ["-h", pg.host, "-p", String(pg.port), "-U", pg.user, "-d", pg.database,
    "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t", "-q", "-c", sql], { encoding: "utf8", env: { ...process.env, PGPASSWORD: pg.password } });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout;
}
