// The saved-graph boundary: PipelineGraph zod schema, parseGraph's error paths and per-kind version upgrades.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { danglingEdges, pipelineFileSchema, PipelineGraphSchema, SCHEMA_VERSION } from "./graph";
import { portsOf } from "./kinds";
import { defineNodeKind } from "./kinds/define";
import { graph, seqSource } from "./testing/graphs";
import { parseGraph, upgradeNode } from "./upgrade";

const valid = () => graph([seqSource(), { id: "out", kind: "collect" }], ["src->out"]);

describe("PipelineGraph schema", () => {
  it("accepts a well-formed graph", () => {
    expect(PipelineGraphSchema.safeParse(valid()).success).toBe(true);
  });
  it("rejects bad node ids, missing fields and wrong schema versions", () => {
    const bad = { ...valid(), schemaVersion: 0, nodes: [{ ...valid().nodes[0]!, id: "1 bad" }] };
    const r = PipelineGraphSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["schemaVersion", "nodes.0.id"]);
  });
});

describe("edges to missing nodes or ports", () => {
  const bad = () => graph([seqSource(), { id: "out", kind: "collect" }, { id: "x", kind: "martian" }],
    ["src->out", "src->ghost", "src:err->out:in2", "x:any->out"]);

  it("names each bad edge by id and ends, once per bad end; unknown kinds' ports are not judged", () => {
    expect(danglingEdges(bad(), portsOf).map((d) => [d.index, d.nodeId, d.message])).toEqual([
      [1, undefined, 'edge e2 (src.out → ghost.in): there is no node "ghost"'],
      [2, "src", 'edge e3 (src.err → out.in2): node "src" has no output port "err"; its outputs: "out"'],
      [2, "out", 'edge e3 (src.err → out.in2): node "out" has no input port "in2"; its inputs: "in"'],
    ]);
    expect(danglingEdges(valid(), portsOf)).toEqual([]);
  });

  it("a pipeline file refuses them, each at its edge's path; a stored graph (old saves) still parses", () => {
    const r = pipelineFileSchema(portsOf).safeParse(bad());
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["edges.1", 'edge e2 (src.out → ghost.in): there is no node "ghost"'],
      ["edges.2", 'edge e3 (src.err → out.in2): node "src" has no output port "err"; its outputs: "out"'],
      ["edges.2", 'edge e3 (src.err → out.in2): node "out" has no input port "in2"; its inputs: "in"'],
    ]);
    expect(pipelineFileSchema(portsOf).safeParse(valid()).success).toBe(true);
    expect(parseGraph(bad())).toEqual({ ok: true, graph: bad() });
  });
});

describe("parseGraph", () => {
  it("returns the graph when valid", () => {
    expect(parseGraph(valid())).toEqual({ ok: true, graph: valid() });
  });
  it("reports zod issues as field paths", () => {
    const r = parseGraph({ schemaVersion: 1, name: "", nodes: [{ id: "a", kind: "datagen" }], edges: "x" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(["name", "nodes.0.version", "nodes.0.config", "nodes.0.position", "edges"]);
  });
  it("refuses files from a newer schema with a clear message", () => {
    const r = parseGraph({ ...valid(), schemaVersion: 99 });
    expect(r).toEqual({ ok: false, errors: [{ field: "schemaVersion", message: `saved by a newer StreamCanvas (schema 99; this one reads up to ${SCHEMA_VERSION})` }] });
  });
  it("refuses non-objects", () => {
    expect(parseGraph(null).ok).toBe(false);
    expect(parseGraph("{}").ok).toBe(false);
  });
  it("leaves unknown kinds for validateGraph to report", () => {
    const g = graph([{ id: "x", kind: "martian" }], []);
    expect(parseGraph(g)).toEqual({ ok: true, graph: g });
  });
  it("refuses node versions newer than this build", () => {
    const g = graph([seqSource(), { id: "out", kind: "collect", version: 2 }], ["src->out"]);
    expect(parseGraph(g)).toEqual({ ok: false, errors: [{ nodeId: "out", message: "saved by a newer StreamCanvas: collect version 2, this one knows up to 1" }] });
  });
});

describe("upgradeNode", () => {
  const v3 = defineNodeKind<{ limit: number }>({
    kind: "limit", version: 3, title: "Limit", category: "transform", description: "", ports: { inputs: ["in"], outputs: ["out"] },
    config: z.object({ limit: z.number() }), defaults: { limit: 1 },
    inferRowType: () => ({ errors: [] }), toIr: () => [],
    // v1 called it "n", v2 stored it as text
    upgrade(from, config) {
      let c = config as Record<string, unknown>;
      if (from < 2) c = { limit: String(c.n) };
      if (from < 3) c = { limit: Number(c.limit) };
      return c;
    },
  });
  const node = (version: number, config: Record<string, unknown>) => ({ id: "l", kind: "limit", version, config, position: { x: 0, y: 0 } });

  it("runs the kind's upgrade from any older version", () => {
    expect(upgradeNode(node(1, { n: 5 }), v3)).toEqual({ ok: true, node: node(3, { limit: 5 }) });
    expect(upgradeNode(node(2, { limit: "7" }), v3)).toEqual({ ok: true, node: node(3, { limit: 7 }) });
  });
  it("leaves current nodes alone", () => {
    const n = node(3, { limit: 2 });
    expect(upgradeNode(n, v3)).toEqual({ ok: true, node: n });
  });
});
