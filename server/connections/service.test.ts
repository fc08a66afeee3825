import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TableProgram } from "@/pipeline/ir";
import { openStore } from "@/server/store/store";
import { GraphCompileError } from "@/server/errors";
import { noConnections, resolveConnections } from "./resolve";
import { openSealer } from "./seal";
import { ConnectionsService } from "./service";

const dirs: string[] = [];
function service() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-conn-"));
  dirs.push(dir);
  const store = openStore(dir);
  return { dir, store, c: new ConnectionsService(store.connections, openSealer(dir)) };
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const sasl = { bootstrapServers: "k:9092", securityProtocol: "SASL_SSL", saslMechanism: "SCRAM-SHA-512", username: "u", password: "s3cr3t-pw" };
/** A program whose source and sink name connections, as the Kafka node kinds compile. */
const program = (source: string, sink: string) => ({
  name: "p", config: {},
  statements: [
    { op: "from", table: "src", descriptor: { connector: "kafka", connection: source, options: { topic: "a" }, schema: [{ name: "x", type: "INT" }] } },
    { op: "insertInto", sink: "out", input: "src", descriptor: { connector: "kafka", connection: sink, options: { topic: "b" } } },
  ],
}) as unknown as TableProgram;

describe("ConnectionsService", () => {
  it("keeps a saved secret when an update leaves it empty, and clears it only when asked", () => {
    const { c, store } = service();
    c.create("k", "kafka", sasl);
    c.update("k", { ...sasl, password: "", bootstrapServers: "k2:9092" });
    expect(c.resolve("k").properties["sasl.jaas.config"]).toContain('password="s3cr3t-pw"');
    expect(c.get("k").fields.bootstrapServers).toBe("k2:9092");
    // clearing the password of a SASL connection leaves it unusable, so it is refused and the saved one stays
    expect(() => c.update("k", sasl, ["password"])).toThrow(/password: SASL_SSL needs a password/);
    c.update("k", { ...sasl, password: "", truststorePath: "/t.jks", truststorePassword: "ts-pw" });
    expect(c.get("k").secretsSet).toEqual({ password: true, truststorePassword: true });
    c.update("k", { ...sasl, password: "", truststorePath: "/t.jks" }, ["truststorePassword"]);
    expect(c.get("k").secretsSet).toEqual({ password: true, truststorePassword: false });
    expect(c.resolve("k").properties["sasl.jaas.config"]).toContain('password="s3cr3t-pw"');
    expect(JSON.stringify(store.connections.list())).not.toContain("s3cr3t-pw");
  });

  it("refuses a SASL connection without username and a bad name, pinned to the field", () => {
    const { c } = service();
    expect(() => c.create("k", "kafka", { ...sasl, username: "" })).toThrow(/username: SASL_SSL needs a username/);
    expect(() => c.create("no spaces", "kafka", sasl)).toThrow(/connection name: a connection name is 1-63 letters/);
    expect(() => c.create("k", "mysql", sasl)).toThrow(/unknown connection kind "mysql" \(known: kafka, postgres\)/);
  });

  it("resolves what a program names, and a missing connection is an error on each node naming it", () => {
    const { c } = service();
    c.create("orders-kafka", "kafka", sasl);
    expect(() => resolveConnections(program("orders-kafka", "orders-kafka"), c)).not.toThrow();
    expect(resolveConnections(program("orders-kafka", "orders-kafka"), c)["orders-kafka"]!.properties["sasl.mechanism"]).toBe("SCRAM-SHA-512");
    let err: GraphCompileError | undefined;
    try {
      resolveConnections(program("orders-kafka", "sink-kafka"), c);
    } catch (e) {
      err = e as GraphCompileError;
    }
    expect(err?.graphErrors).toEqual([{ nodeId: "out", field: "connection", message:
      'connection "sink-kafka" does not exist: create it on the Connections page or with `npx streamcanvas connections add sink-kafka …`' }]);
    expect(() => noConnections(program("a", "b"))).toThrow(/node src: connection "a" does not exist.*node out: connection "b"/);
  });
});
