import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PipelineGraphSchema } from "../graph";
import { graphConnections } from "./graph-refs";

const example = (file: string) => PipelineGraphSchema.parse(JSON.parse(fs.readFileSync(`examples/${file}`, "utf8")));

describe("graphConnections", () => {
  it("names every connection field of a node: a change stream's PostgreSQL and Kafka connections both", () => {
    const g = example("postgres/stock-per-category.json");
    const changes = g.nodes.find((n) => n.kind === "postgres-changes")!;
    const cfg = changes.config as { database: string; connection: string };
    expect(cfg.database).not.toBe(cfg.connection);
    expect(graphConnections(g).filter((r) => r.nodeId === changes.id).map((r) => r.connection).sort())
      .toEqual([cfg.database, cfg.connection].sort());
  });

  it("names the lookup join's and sink's PostgreSQL connection and nothing for nodes without one", () => {
    const g = example("postgres/revenue-per-customer-hour.json");
    const named = new Set(graphConnections(g).map((r) => r.nodeId));
    const withField = g.nodes.filter((n) => typeof (n.config as { connection?: unknown }).connection === "string").map((n) => n.id);
    expect([...named].sort()).toEqual(withField.sort());
    expect(withField.length).toBeGreaterThanOrEqual(2);
    expect(graphConnections(example("orders-clean-up.json"))).toEqual([]);
  });
});
