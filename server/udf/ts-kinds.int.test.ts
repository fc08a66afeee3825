// TS filter, flatMap and aggregate nodes end to end through the tRPC router on a real jvm-runner: exact rows, a UDF's
// throw in the run's error with node, input row and TypeScript line, and console.log lines in runs.logs.
import { describe, expect, it } from "vitest";
import { graph } from "@/pipeline/testing/graphs";
import { isTerminal } from "@/server/states";
import { type RunInfo } from "@/server/store/runs-repo";
import { createPipeline, realRunnerHarness, watchUntil } from "@/server/api/testing/harness";

const h = realRunnerHarness();

const values = {
  id: "v", kind: "values",
  config: {
    columns: [{ name: "k", type: "STRING" }, { name: "words", type: "STRING" }, { name: "big", type: "BIGINT" }, { name: "price", type: "DECIMAL(10, 2)" }],
    rows: [
      ["'a'", "'x y'", "9007199254740993", "0.10"],
      ["'a'", "'z'", "9007199254740993", "0.20"],
      ["'b'", "NULL", "NULL", "NULL"],
      ["'c'", "'drop me'", "1", "1.00"],
    ],
  },
};
const FILTER = `export default function keep(row: Input): boolean {
  console.log("seen", row.k);
  return row.words !== "drop me";
}
`;
const FLAT_MAP = `export default function* split(row: Input): Generator<{ word: string | null }> {
  if (row.words === null) { yield { word: null }; return; }
  for (const word of row.words.split(" ")) yield { word };
}
`;
const AGGREGATE = `type Acc = { words: number; big: bigint; cents: bigint };
export function create(): Acc { return { words: 0, big: 0n, cents: 0n }; }
export function add(acc: Acc, row: Input): Acc {
  return { words: acc.words + (row.word === null ? 0 : 1), big: acc.big + (row.big ?? 0n), cents: acc.cents + BigInt((row.price ?? "0").replace(".", "")) };
}
export function merge(a: Acc, b: Acc): Acc { return { words: a.words + b.words, big: a.big + b.big, cents: a.cents + b.cents }; }
export default function result(acc: Acc): { words: number; big: bigint; price: string } {
  const c = acc.cents.toString().padStart(3, "0");
  return { words: acc.words, big: acc.big, price: c.slice(0, -2) + "." + c.slice(-2) };
}
`;
const pipeline = (filter: string) => graph([
  values,
  { id: "keep", kind: "ts-filter", config: { code: filter } },
  { id: "split", kind: "ts-flat-map", config: { code: FLAT_MAP } },
  { id: "agg", kind: "ts-aggregate", config: { keys: ["k"], code: AGGREGATE } },
  { id: "out", kind: "collect", config: { maxRows: 100 } },
], ["v->keep", "keep->split", "split->agg", "agg->out"]);

/** The table a changelog ends with. */
function finalRows(r: RunInfo): unknown[][] {
  const rows: unknown[][] = [];
  for (const x of r.sinks.out!.rows) {
    if (x.kind === "+I" || x.kind === "+U") rows.push(x.values);
    else rows.splice(rows.findIndex((y) => JSON.stringify(y) === JSON.stringify(x.values)), 1);
  }
  return rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe("TS filter → flatMap → aggregate on the real runner", () => {
  it("gives exact rows, with BIGINT beyond 2^53 and DECIMAL kept exact, and the UDF's console lines in runs.logs", async () => {
    const pipelineId = await createPipeline(h.caller, pipeline(FILTER));
    const run = await h.caller.runs.start({ pipelineId });
    const last = (await watchUntil(h.caller, run.id, (r) => isTerminal(r.status))).at(-1)!;
    expect(last.error).toBeNull();
    expect(last.status).toBe("FINISHED");
    expect(last.sinks.out!.columns).toEqual([
      { name: "k", type: "STRING" }, { name: "words", type: "DOUBLE NOT NULL" }, { name: "big", type: "BIGINT NOT NULL" }, { name: "price", type: "STRING NOT NULL" },
    ]);
    // a: "x y" and "z" → 3 words; each word row carries its input row's big and price
    expect(finalRows(last)).toEqual([["a", 3, "27021597764222979", "0.40"], ["b", 0, "0", "0.00"]]);
    const logs = await h.caller.runs.logs({ runId: run.id });
    expect(logs.lines.map((l) => `${l.udf} ${l.level} ${l.line}`).sort()).toEqual(["keep info seen a", "keep info seen a", "keep info seen b", "keep info seen c"]);
  });

  it("fails the run with the node, the input row and the TypeScript line of a throw", async () => {
    const throwing = FILTER.replace('return row.words !== "drop me";', 'if (row.k === "b") throw new Error("no b here");\n  return true;');
    const pipelineId = await createPipeline(h.caller, pipeline(throwing));
    const run = await h.caller.runs.start({ pipelineId });
    const last = (await watchUntil(h.caller, run.id, (r) => isTerminal(r.status))).at(-1)!;
    expect(last.status).toBe("FAILED");
    const cause = last.error!.rootCause!;
    expect(cause).toContain('UDF "keep" failed: Error: no b here');
    expect(cause).toContain('input row: {"k":"b","words":null,"big":null,"price":null}');
    expect(cause).toContain('TypeScript line 3: if (row.k === "b") throw new Error("no b here");');
    expect(cause).toMatch(/\n {4}in keep \(keep\.ts:3:\d+\)/);
  });
});
