// Every registered node kind: unique ids, forms generated from its config schema, and defaults that validate.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { getNodeKind, nodeKinds } from "./index";

describe("node kind registry", () => {
  it("lists the kinds in palette order", () => {
    expect(nodeKinds.map((k) => k.kind)).toEqual([
      "datagen", "values", "filesystem-source", "kafka-source", "jdbc-source", "postgres-changes", "filter", "select", "add-columns", "rename-columns", "drop-columns", "union", "distinct", "group-aggregate", "tumble-window", "ts-map",
      "join", "interval-join", "lookup-join", "deduplicate", "top-n", "order-by", "limit",
      "hop-window", "session-window", "cumulate-window",
      "ts-filter", "ts-flat-map", "ts-aggregate",
      "print", "blackhole", "collect", "filesystem-sink", "kafka-sink", "upsert-kafka-sink", "jdbc-sink",
    ]);
  });
  it("looks kinds up by id", () => {
    expect(getNodeKind("filter")?.title).toBe("Filter");
    expect(getNodeKind("nope")).toBeUndefined();
  });
  it("sources have only outputs and sinks only inputs", () => {
    for (const k of nodeKinds) {
      if (k.category === "source") expect(k.ports.inputs, k.kind).toEqual([]);
      if (k.category === "sink") expect(k.ports.outputs, k.kind).toEqual([]);
    }
  });

  for (const k of nodeKinds) {
    describe(k.kind, () => {
      it("has a config schema that converts to JSON Schema, with titles or descriptions on its fields", () => {
        const schema = z.toJSONSchema(k.config, { io: "input" }) as { type: string; properties: Record<string, { title?: string; description?: string }> };
        expect(schema.type).toBe("object");
        for (const [name, prop] of Object.entries(schema.properties)) {
          expect(prop.title ?? prop.description, `${k.kind}.${name}`).toBeTruthy();
        }
      });
      it("defaults are what an empty config parses to", () => {
        expect(k.config.parse({})).toEqual(k.defaults);
      });
    });
  }

  it("datagen defaults describe an unbounded random source", () => {
    const d = getNodeKind("datagen")!.defaults as { columns: unknown[]; numberOfRows?: number };
    expect(d.columns.length).toBeGreaterThan(0);
    expect(d.numberOfRows).toBeUndefined();
  });
});
