// Golden fixtures: compile(<case>.graph.json) must equal <case>.ir.json exactly (UPDATE_GOLDEN=1 rewrites them);
// the same IR files and their <case>.rows.json are run on a MiniCluster by jvm-runner's FixturesITCase.
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleUdfs } from "@/server/udf/compile-udfs";
import { compile } from "./compile";
import { TableProgramSchema } from "./ir";
import { type DataType, isNumeric } from "./types";
import { parseGraph } from "./upgrade";
import { validateGraph } from "./validate";
import { getNodeKind } from "./kinds";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const EXAMPLES = path.join(import.meta.dirname, "..", "examples");
/** Values are encoded as jvm-runner/API.md says: exact numbers as strings, other numbers as numbers. */
function jsonKindOk(v: unknown, t: DataType): boolean {
  if (v === null) return t.nullable;
  if (t.root === "BIGINT" || t.root === "DECIMAL") return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v);
  if (isNumeric(t)) return typeof v === "number";
  if (t.root === "BOOLEAN") return typeof v === "boolean";
  // ROW: an object of its fields in order; ARRAY: an array; MAP: [key, value] pairs
  if (t.root === "ROW") {
    if (typeof v !== "object" || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    return JSON.stringify(Object.keys(o)) === JSON.stringify(t.fields!.map((f) => f.name)) && t.fields!.every((f) => jsonKindOk(o[f.name], f.type));
  }
  if (t.root === "ARRAY") return Array.isArray(v) && v.every((e) => jsonKindOk(e, t.element!));
  if (t.root === "MAP") return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && jsonKindOk(p[0], t.key!) && jsonKindOk(p[1], t.value!));
  // MULTISET: [element, count] pairs
  if (t.root === "MULTISET") return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && jsonKindOk(p[0], t.element!) && Number.isInteger(p[1]));
  return typeof v === "string";
}
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const cases = readdirSync(FIXTURES).filter((f) => f.endsWith(".graph.json")).sort();

describe("golden graph → IR fixtures", () => {
  it("has the required cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of cases) {
    it(file, () => {
      const base = file.slice(0, -".graph.json".length);
      const parsed = parseGraph(readJson(path.join(FIXTURES, file)));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const r = compile(parsed.graph);
      if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
      // TS UDF code as the server hands it to the runner (bundled JS), so FixturesITCase can run the IR file
      r.program = bundleUdfs(r.program);
      const irFile = path.join(FIXTURES, `${base}.ir.json`);
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(irFile)) {
        writeFileSync(irFile, JSON.stringify(r.program, null, 2) + "\n");
      }
      expect(r.program).toEqual(TableProgramSchema.parse(readJson(irFile)));
      // byte-exact too, so key order (which the Java side and diffs see) is pinned
      expect(JSON.stringify(r.program, null, 2) + "\n").toBe(readFileSync(irFile, "utf8"));
    });
  }

  it("every rows file names collect sinks of its graph, with one value per column, encoded for its type", () => {
    for (const file of cases) {
      const base = file.slice(0, -".graph.json".length);
      const rowsFile = path.join(FIXTURES, `${base}.rows.json`);
      const parsed = parseGraph(readJson(path.join(FIXTURES, file)));
      if (!parsed.ok) throw new Error("unparsable");
      const { rowTypes } = validateGraph(parsed.graph);
      // only a fixture on processing time may go without rows (its windows depend on the clock), or one reading a
      // connection (a Kafka topic: jvm-runner's KafkaNodesITCase runs its IR on the test broker and checks the rows)
      const clock = Object.values(rowTypes).some((t) => t?.some((c) => c.timeAttribute === "proctime"));
      const connected = parsed.graph.nodes.some((n) => getNodeKind(n.kind)?.connection);
      expect(existsSync(rowsFile) || clock || connected, rowsFile).toBe(true);
      if (!existsSync(rowsFile)) continue;
      const rows = readJson(rowsFile) as Record<string, unknown[][]>;
      for (const [sink, values] of Object.entries(rows)) {
        const node = parsed.graph.nodes.find((n) => n.id === sink);
        expect(node?.kind, `${base}: ${sink}`).toBe("collect");
        const from = parsed.graph.edges.find((e) => e.to.node === sink)!.from.node;
        const cols = rowTypes[from]!;
        for (const row of values) {
          expect(row.length, `${base}: ${sink}`).toBe(cols.length);
          row.forEach((v, i) => expect(jsonKindOk(v, cols[i]!.type), `${base}: ${sink} ${cols[i]!.name} = ${JSON.stringify(v)}`).toBe(true));
        }
      }
    }
  });
});

describe("examples/", () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".json")).sort();
  it("has at least one example", () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${file} parses, validates with no errors and compiles`, () => {
      const parsed = parseGraph(readJson(path.join(EXAMPLES, file)));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(validateGraph(parsed.graph).errors).toEqual([]);
      const r = compile(parsed.graph);
      expect(r.ok).toBe(true);
    });
  }
});
