// Connections through tRPC on the real runner and the shared test broker: CRUD that never gives the password back nor
// stores it in clear, Test with right and wrong SCRAM credentials and an unreachable port, topics with partition counts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { graph } from "@/pipeline/testing/graphs";
import { createPipeline, realRunnerHarness } from "@/server/api/testing/harness";
import { freePort } from "@/server/testing/processes";
import { testKafka } from "@/server/testing/kafka-env";
import { createTopic } from "@/server/testing/kafka-tool";

/** every line the runner printed (its log), which must hold no secret either */
const runnerLog: string[] = [];
const h = realRunnerHarness({ log: (l) => runnerLog.push(l) });
const responses: unknown[] = [];
const seen = <T>(r: T): T => (responses.push(r), r);

const scram = (password: string, mechanism = "SCRAM-SHA-256") => ({
  bootstrapServers: testKafka().saslBootstrap, securityProtocol: "SASL_PLAINTEXT", saslMechanism: mechanism,
  username: testKafka().user, password,
});

/** Every file under the data dir (database, its WAL, the key file…), as bytes. */
function dataDirBytes(dir: string): Buffer {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Buffer.concat(files.map((e) => fs.readFileSync(path.join(e.parentPath, e.name))));
}

describe("connections (tRPC → real runner → real broker)", () => {
  it("creates, lists, updates and removes a connection; the password never comes back nor lies in clear on disk", async () => {
    const { password } = testKafka();
    const created = seen(await h.caller.connections.create({ name: "orders-kafka", kind: "kafka", fields: scram(password) }));
    expect(created.secretsSet).toEqual({ password: true, truststorePassword: false });
    expect(created.fields).not.toHaveProperty("password");
    expect(created.summary).toContain(testKafka().saslBootstrap);
    seen(await h.caller.connections.list());
    seen(await h.caller.connections.get({ name: "orders-kafka" }));
    // an empty password on update keeps the saved one ("saved; type to replace"): Test still signs in
    const updated = seen(await h.caller.connections.update({ name: "orders-kafka", fields: { ...scram(""), properties: { "client.id": "sc-int" } } }));
    expect(updated.fields.properties).toEqual({ "client.id": "sc-int" });
    expect(seen(await h.caller.connections.test({ name: "orders-kafka" }))).toMatchObject({ ok: true, brokers: 1 });
    await expect(h.caller.connections.create({ name: "orders-kafka", kind: "kafka", fields: scram(password) })).rejects.toThrow(/already exists/);
    await expect(h.caller.connections.create({ name: "bad", kind: "kafka", fields: { ...scram(password), bootstrapServers: "nohostport" } }))
      .rejects.toThrow(/bootstrapServers: each bootstrap server is host:port/);
    h.services.store.db.pragma("wal_checkpoint(TRUNCATE)");
    for (const r of responses) expect(JSON.stringify(r)).not.toContain(password);
    expect(runnerLog.join("\n")).not.toContain(password);
    expect(dataDirBytes(h.dir).includes(Buffer.from(password))).toBe(false);
    expect(fs.statSync(path.join(h.dir, "secret.key")).mode & 0o777).toBe(0o600);
    seen(await h.caller.connections.remove({ name: "orders-kafka" }));
    await expect(h.caller.connections.get({ name: "orders-kafka" })).rejects.toThrow(/does not exist/);
  });

  it("Test with the right SCRAM credentials says what it found", async () => {
    createTopic(testKafka().bootstrap, "conn-test-found", 1);
    await h.caller.connections.create({ name: "scram-ok", kind: "kafka", fields: scram(testKafka().password, "SCRAM-SHA-512") });
    const r = await h.caller.connections.test({ name: "scram-ok" });
    expect(r).toMatchObject({ ok: true, brokers: 1 });
    expect(r.ok && r.topics).toBeGreaterThanOrEqual(1);
    expect(r.message).toMatch(/^connected: 1 broker, \d+ topics?$/);
  });

  it("Test with a wrong password says authentication failed, without the password", async () => {
    const wrong = "not-the-password-4711";
    const r = await h.caller.connections.test({ name: "scram-wrong", draft: { kind: "kafka", fields: scram(wrong) } });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/authentication failed at 127\.0\.0\.1:\d+ \(SASL_PLAINTEXT SCRAM-SHA-256\)/);
    expect(r.message).not.toContain(wrong);
    expect(runnerLog.join("\n")).not.toContain(wrong);
  });

  it("Test of an unreachable port names host:port", async () => {
    const port = await freePort();
    const r = await h.caller.connections.test({ name: "nowhere", draft: { kind: "kafka", fields: { bootstrapServers: `127.0.0.1:${port}` } } });
    expect(r).toMatchObject({ ok: false });
    expect(r.message).toContain(`unreachable: cannot connect to 127.0.0.1:${port}`);
  });

  it("SSL: without the truststore the TLS error is said; with it (a sealed truststore password) Test connects", async () => {
    const k = testKafka();
    const untrusted = await h.caller.connections.test({ name: "tls", draft: { kind: "kafka", fields: { bootstrapServers: k.sslBootstrap, securityProtocol: "SSL" } } });
    expect(untrusted.ok).toBe(false);
    expect(untrusted.message).toMatch(new RegExp(`^TLS error connecting to ${k.sslBootstrap}: SSL handshake failed`));
    await h.caller.connections.create({ name: "tls", kind: "kafka", fields: {
      bootstrapServers: k.sslBootstrap, securityProtocol: "SSL", truststorePath: k.truststore, truststorePassword: k.truststorePassword,
    } });
    expect(await h.caller.connections.test({ name: "tls" })).toMatchObject({ ok: true, brokers: 1 });
    expect(JSON.stringify(await h.caller.connections.get({ name: "tls" }))).not.toContain(k.truststorePassword);
    // the same listener spoken to in plaintext: the port is open but nothing Kafka answers
    const plain = await h.caller.connections.test({ name: "plain-to-tls", draft: { kind: "kafka", fields: { bootstrapServers: k.sslBootstrap } } });
    expect(plain.ok).toBe(false);
    expect(plain.message).toBe(`no Kafka answer from ${k.sslBootstrap} within 10 s over PLAINTEXT: the port is open, but it may not be a Kafka ` +
      "listener of that security protocol (TLS against a plaintext port, or the other way round)");
    h.services.store.db.pragma("wal_checkpoint(TRUNCATE)");
    expect(dataDirBytes(h.dir).includes(Buffer.from(k.truststorePassword))).toBe(false);
  });

  it("lists topics with their partition counts", async () => {
    createTopic(testKafka().bootstrap, "conn-topics-three", 3);
    await h.caller.connections.create({ name: "plain", kind: "kafka", fields: { bootstrapServers: testKafka().bootstrap } });
    const { topics } = await h.caller.connections.topics({ name: "plain" });
    expect(topics).toContainEqual({ name: "conn-topics-three", partitions: 3 });
    expect(topics.map((t) => t.name)).not.toContain("__consumer_offsets");
  });

  it("a run of a pipeline naming a missing connection is refused with the error on that node", async () => {
    const pipelineId = await createPipeline(h.caller, graph([
      { id: "orders", kind: "kafka-source", config: { connection: "no-such-kafka", topic: "orders", columns: [{ name: "id", type: "BIGINT" }] } },
      { id: "out", kind: "collect", config: { maxRows: 10 } },
    ], ["orders->out"]));
    const err = await h.caller.runs.start({ pipelineId }).then(() => undefined, (e: unknown) => e as TRPCError);
    expect(err?.code).toBe("BAD_REQUEST");
    expect((err?.cause as { graphErrors?: unknown })?.graphErrors).toEqual([{
      nodeId: "orders", field: "connection",
      message: 'connection "no-such-kafka" does not exist: create it on the Connections page or with `npx streamcanvas connections add no-such-kafka …`',
    }]);
  });
});
