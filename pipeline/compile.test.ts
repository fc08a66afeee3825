// compile: statements in stable topological order, program name and config, and refusal of invalid graphs.
import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { graph, seqSource } from "./testing/graphs";

describe("compile", () => {
  it("emits one statement per node in topological order, whatever the node order in the file", () => {
    const g = graph(
      [{ id: "out", kind: "collect" }, { id: "f", kind: "filter", config: { predicate: "id > 2" } }, { id: "p", kind: "print" }, seqSource()],
      ["f->out", "src->f", "src->p"],
      "my pipeline",
    );
    const r = compile(g);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.program.name).toBe("my pipeline");
    expect(r.program.config).toEqual({});
    expect(r.program.irVersion).toBe(1);
    expect(r.program.statements.map((s) => `${s.op}:${"table" in s ? s.table : s.sink}`)).toEqual([
      "from:src", "filter:f", "collect:out", "insertInto:p",
    ]);
    expect(r.program.statements[1]).toEqual({
      op: "filter", table: "f", input: "src",
      predicate: { kind: "call", fn: "isGreater", args: [{ kind: "col", name: "id" }, { kind: "lit", value: "2", type: "INT NOT NULL" }] },
    });
    expect(r.program.statements[3]).toEqual({ op: "insertInto", sink: "p", input: "src", descriptor: { connector: "print", options: {} } });
  });

  it("is deterministic", () => {
    const g = graph([seqSource(), { id: "b", kind: "blackhole" }, { id: "c", kind: "collect", config: { maxRows: 7 } }], ["src->b", "src->c"]);
    expect(JSON.stringify(compile(g))).toBe(JSON.stringify(compile(structuredClone(g))));
    const r = compile(g);
    expect(r.ok && r.program.statements.at(-1)).toEqual({ op: "collect", sink: "c", input: "src", maxRows: 7 });
  });

  it("writes Flink's DataGen option keys", () => {
    const g = graph([{
      id: "gen", kind: "datagen", config: {
        columns: [
          { name: "id", type: "bigint", kind: "sequence", start: 1, end: 100 },
          { name: "price", type: "decimal(10,2)", kind: "random", min: 0.5, max: 99.5 },
          { name: "word", type: "STRING", kind: "random", length: 8 },
        ],
        rowsPerSecond: 50, numberOfRows: 100,
      },
    }, { id: "out", kind: "collect" }], ["gen->out"]);
    const r = compile(g);
    expect(r.ok && r.program.statements[0]).toEqual({
      op: "from", table: "gen", descriptor: {
        connector: "datagen",
        schema: [{ name: "id", type: "BIGINT" }, { name: "price", type: "DECIMAL(10, 2)" }, { name: "word", type: "STRING" }],
        options: {
          "rows-per-second": "50", "number-of-rows": "100",
          "fields.id.kind": "sequence", "fields.id.start": "1", "fields.id.end": "100",
          "fields.price.kind": "random", "fields.price.min": "0.5", "fields.price.max": "99.5",
          "fields.word.kind": "random", "fields.word.length": "8",
        },
      },
    });
  });

  it("select keeps bare column names and names computed columns", () => {
    const g = graph([seqSource(), { id: "s", kind: "select", config: { columns: [{ name: "", expr: "name" }, { name: "next id", expr: "id + 1" }] } }, { id: "out", kind: "collect" }],
      ["src->s", "s->out"]);
    const r = compile(g);
    const sel = r.ok ? r.program.statements[1] : undefined;
    expect(sel?.op === "select" && sel.fields.map((f) => f.as)).toEqual(["name", "next id"]);
  });

  it("refuses invalid graphs with the validation errors", () => {
    const r = compile(graph([seqSource(), { id: "f", kind: "filter", config: { predicate: "id >" } }], ["src->f"]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.nodeId ?? "graph")).toEqual(["graph", "f"]);
  });
});
