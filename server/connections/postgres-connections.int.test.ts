// PostgreSQL connections through tRPC on the real runner and the shared test PostgreSQL: CRUD that never gives the
// password back nor stores it in clear, Test with the right and a wrong password, an unknown database, a closed port.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { realRunnerHarness } from "@/server/api/testing/harness";
import { freePort } from "@/server/testing/processes";
import { testPostgres, testPsql } from "@/server/testing/postgres-env";

const runnerLog: string[] = [];
const h = realRunnerHarness({ log: (l) => runnerLog.push(l) });
const responses: unknown[] = [];
const seen = <T>(r: T): T => (responses.push(r), r);

const fields = (password: string, database = testPostgres().database) => ({
  host: testPostgres().host, port: testPostgres().port, database, user: testPostgres().user, password, sslmode: "disable",
});

function dataDirBytes(dir: string): Buffer {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Buffer.concat(files.map((e) => fs.readFileSync(path.join(e.parentPath, e.name))));
}

describe("postgres connections (tRPC → real runner → real PostgreSQL)", () => {
  it("creates, tests and removes a connection; the password never comes back nor lies in clear on disk", async () => {
    const { password } = testPostgres();
    const created = seen(await h.caller.connections.create({ name: "shop-db", kind: "postgres", fields: fields(password) }));
    expect(created.secretsSet).toEqual({ password: true });
    expect(created.fields).not.toHaveProperty("password");
    expect(created.summary).toBe(`sc_test@${testPostgres().host}:${testPostgres().port}/sc_test (sslmode disable)`);
    seen(await h.caller.connections.list());
    // an empty password on update keeps the saved one: Test still logs in
    seen(await h.caller.connections.update({ name: "shop-db", fields: { ...fields(""), properties: { ApplicationName: "sc-int" } } }));
    const r = seen(await h.caller.connections.test({ name: "shop-db" }));
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/^connected: PostgreSQL \d+\.\d+.*, \d+ tables?$/);
    await expect(h.caller.connections.create({ name: "bad", kind: "postgres", fields: { ...fields(password), properties: { password: "x" } } }))
      .rejects.toThrow(/"password" is set by the connection's own fields/);
    h.services.store.db.pragma("wal_checkpoint(TRUNCATE)");
    for (const x of responses) expect(JSON.stringify(x)).not.toContain(password);
    expect(runnerLog.join("\n")).not.toContain(password);
    expect(dataDirBytes(h.dir).includes(Buffer.from(password))).toBe(false);
    seen(await h.caller.connections.remove({ name: "shop-db" }));
  });

  it("Test with a wrong password says authentication failed, without the password", async () => {
    const wrong = "not-the-password-4711";
    const r = await h.caller.connections.test({ name: "pg-wrong", draft: { kind: "postgres", fields: fields(wrong) } });
    expect(r.ok).toBe(false);
    expect(r.message).toContain(`authentication failed at ${testPostgres().host}:${testPostgres().port} for user "sc_test"`);
    expect(r.message).not.toContain(wrong);
    expect(runnerLog.join("\n")).not.toContain(wrong);
  });

  it("Test of an unknown database and of a closed port say which", async () => {
    const db = await h.caller.connections.test({ name: "pg-nodb", draft: { kind: "postgres", fields: fields(testPostgres().password, "no_such_db") } });
    expect(db).toMatchObject({ ok: false });
    expect(db.message).toContain(`unknown database "no_such_db" at ${testPostgres().host}:${testPostgres().port}`);
    const port = await freePort();
    const closed = await h.caller.connections.test({ name: "pg-nowhere", draft: { kind: "postgres", fields: { ...fields("x"), port } } });
    expect(closed).toMatchObject({ ok: false });
    expect(closed.message).toContain(`unreachable: cannot connect to 127.0.0.1:${port}`);
  });

  it("lists tables with their columns typed as Flink's JDBC Postgres mapper types them, and the primary key", async () => {
    testPsql("CREATE TABLE IF NOT EXISTS customers (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, credit NUMERIC(10, 2), since TIMESTAMP(3))");
    await h.caller.connections.create({ name: "tables-db", kind: "postgres", fields: fields(testPostgres().password) });
    const { tables } = await h.caller.connections.tables({ name: "tables-db" });
    expect(tables.find((t) => t.schema === "public" && t.name === "customers")).toEqual({
      schema: "public", name: "customers", primaryKey: ["id"],
      columns: [
        { name: "id", nullable: false, type: "BIGINT" }, { name: "name", nullable: false, type: "VARCHAR(40)" },
        { name: "credit", nullable: true, type: "DECIMAL(10, 2)" }, { name: "since", nullable: true, type: "TIMESTAMP(3)" },
      ],
    });
    await expect(h.caller.connections.tables({ name: "nope" })).rejects.toThrow(/does not exist/);
  });
});
