// Pipeline file format: stable text (order-independent, rounded), round trip, readable diffs, errors that name the field.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PipelineGraphSchema, SCHEMA_VERSION, type PipelineGraph } from "./graph";
import { describeFileErrors, formatPipelineFile, parsePipelineFile } from "./format";
import { upgradeNode } from "./upgrade";
import { defineNodeKind } from "./kinds/define";
import { z } from "zod";

const examplesDir = path.resolve(import.meta.dirname, "../examples");
const examples = fs.readdirSync(examplesDir).filter((f) => f.endsWith(".json"))
  .map((f) => PipelineGraphSchema.parse(JSON.parse(fs.readFileSync(path.join(examplesDir, f), "utf8"))));
const sortById = (g: PipelineGraph): PipelineGraph => ({
  ...g,
  nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)),
});

describe("pipeline file format", () => {
  it.each(examples.map((g) => [g.name, g] as const))("round-trips %s: parse(format(g)) is g, and formatting again gives the same text", (_, g) => {
    const text = formatPipelineFile(g);
    const back = parsePipelineFile(text);
    expect(back).toEqual({ ok: true, graph: sortById(g) });
    if (back.ok) expect(formatPipelineFile(back.graph)).toBe(text);
  });

  it("does not depend on node, edge or key order, and rounds positions", () => {
    const g = examples[0]!;
    const shuffled: PipelineGraph = {
      edges: [...g.edges].reverse(), name: g.name, schemaVersion: g.schemaVersion,
      settings: Object.fromEntries(Object.entries(g.settings).reverse()) as PipelineGraph["settings"],
      nodes: [...g.nodes].reverse().map((n) => ({
        position: { y: n.position.y + 0.3, x: n.position.x - 0.2 }, config: Object.fromEntries(Object.entries(n.config).reverse()),
        version: n.version, kind: n.kind, id: n.id,
      })),
    };
    expect(formatPipelineFile(shuffled)).toBe(formatPipelineFile(g));
  });

  it("prints one node per block and one edge per line, so a change shows as a few lines of diff", () => {
    const g = examples[0]!;
    const text = formatPipelineFile(g);
    for (const e of g.edges) expect(text.split("\n").filter((l) => l.includes(`"id": "${e.id}"`))).toHaveLength(1);
    expect(text).toMatch(/\n {4}\{\n {6}"id": /);
    expect(text).toMatch(/"position": \{ "x": -?\d+, "y": -?\d+ \}/);
    const moved = { ...g, nodes: g.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: n.position.x + 100, y: n.position.y } } : n)) };
    const a = text.split("\n");
    const b = formatPipelineFile(moved).split("\n");
    expect(a.length).toBe(b.length);
    expect(a.filter((l, i) => l !== b[i])).toHaveLength(1);
  });

  it("says which field of which node is wrong in a broken file", () => {
    const g = examples[0]!;
    const broken = JSON.parse(formatPipelineFile(g));
    broken.nodes[1].position.x = "left";
    const r = parsePipelineFile(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: "nodes.1.position.x", nodeId: broken.nodes[1].id });
  });

  it("refuses a file with an edge to a missing node or port, naming each bad edge (describeFileErrors, one per line)", () => {
    const g = examples[0]!;
    const broken = JSON.parse(formatPipelineFile(g));
    const [first] = broken.edges;
    broken.edges.push({ id: "zz_ghost", from: first.from, to: { node: "ghost", port: "in" } });
    broken.edges.push({ id: "zz_port", from: { node: first.from.node, port: "nope" }, to: first.to });
    const r = parsePipelineFile(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(describeFileErrors(r.errors).split("\n")).toEqual([
      `edges.${broken.edges.length - 2}: edge zz_ghost (${first.from.node}.${first.from.port} → ghost.in): there is no node "ghost"`,
      `edges.${broken.edges.length - 1}: edge zz_port (${first.from.node}.nope → ${first.to.node}.${first.to.port}): node "${first.from.node}" has no output port "nope"; its outputs: "out"`,
    ]);
  });

  it("reports JSON syntax errors with a line, and refuses other files and newer schema versions", () => {
    const r = parsePipelineFile('{\n  "name": "x",\n  "nodes": [,]\n}');
    expect(!r.ok && r.errors[0]!.message).toMatch(/not a JSON file: .*line 3/);
    const other = parsePipelineFile(JSON.stringify({ format: "something-else", nodes: [] }));
    expect(!other.ok && other.errors[0]!.field).toBe("format");
    const newer = parsePipelineFile(JSON.stringify({ ...examples[0]!, schemaVersion: SCHEMA_VERSION + 1 }));
    expect(!newer.ok && newer.errors[0]).toMatchObject({ field: "schemaVersion", message: expect.stringMatching(/newer/) });
  });

  it("upgrades nodes saved by an older version of their kind (the upgrade step import goes through)", () => {
    const kind = defineNodeKind({
      kind: "renamed-field", version: 2, title: "t", category: "transform", description: "", ports: { inputs: ["in"], outputs: ["out"] },
      config: z.object({ predicate: z.string() }), defaults: { predicate: "TRUE" },
      inferRowType: () => ({ errors: [] }), toIr: () => [],
      upgrade: (from, c) => (from === 1 ? { predicate: (c as { condition: string }).condition } : c),
    });
    const r = upgradeNode({ id: "f", kind: "renamed-field", version: 1, config: { condition: "a > 1" }, position: { x: 0, y: 0 } }, kind);
    expect(r).toEqual({ ok: true, node: expect.objectContaining({ version: 2, config: { predicate: "a > 1" } }) });
  });
});
