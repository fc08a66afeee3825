// The shared test PostgreSQL the integration stage's global setup started: the role logs in over TCP with its password
// (and not with another), logical decoding is on, and it runs as a non-root account.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testPostgres } from "./postgres-env";
import { postgresBinDir } from "./postgres-server";

function psql(password: string, sql: string) {
  const pg = testPostgres();
  return spawnSync(path.join(postgresBinDir(), "psql"), ["-h", pg.host, "-p", String(pg.port), "-U", pg.user, "-d", pg.database,
    "-X", "-A", "-t", "-q", "-c", sql], { encoding: "utf8", env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "5" } });
}

describe("test PostgreSQL", () => {
  it("takes the role's password over TCP, with logical decoding, not as root", () => {
    const r = psql(testPostgres().password, "SELECT current_user, current_setting('wal_level'), (SELECT usesuper FROM pg_user WHERE usename = current_user)");
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("sc_test|logical|f");
    const owner = psql(testPostgres().password, "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()");
    expect(owner.stdout.trim()).toBe("sc_test");
    // the socket listening on the server's port belongs to a non-root account (/proc/net/tcp: local address, state, uid)
    const portHex = testPostgres().port.toString(16).toUpperCase().padStart(4, "0");
    const listening = fs.readFileSync("/proc/net/tcp", "utf8").split("\n").map((l) => l.trim().split(/\s+/))
      .find((f) => f[1] === `0100007F:${portHex}` && f[3] === "0A");
    expect(Number(listening?.[7])).toBeGreaterThan(0);
  });

  it("refuses a wrong password", () => {
    const r = psql("not-the-password", "SELECT 1");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`password authentication failed for user "${testPostgres().user}"`);
  });
});
