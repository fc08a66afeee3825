// planPreview: only the upstream subgraph, no real sink, a capped collect per previewed node, bounded fast sources.
import { describe, expect, it } from "vitest";
import { planPreview, upstreamOf, writesNoSink } from "./preview";
import { graph, seqSource } from "./testing/graphs";

const g = graph(
  [
    seqSource("src", 5000),
    { id: "f", kind: "filter", config: { predicate: "id > 2" } },
    { id: "s", kind: "select", config: { columns: [{ name: "", expr: "id" }] } },
    { id: "out", kind: "collect" },
    { id: "p", kind: "print" },
    { id: "other", kind: "filter", config: { predicate: "no_such_column > 1" } },
    { id: "bh", kind: "blackhole" },
  ],
  ["src->f", "f->s", "s->out", "f->p", "src->other", "other->bh"],
);

describe("planPreview", () => {
  it("compiles only what is upstream of the node, with a collect per node and no insertInto", () => {
    const r = planPreview(g, "s");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.target).toBe("s");
    expect(r.plan.sampled).toEqual(["src", "f", "s"]);
    expect(r.plan.edges).toEqual(["e1", "e2"]);
    expect(writesNoSink(r.plan.program)).toBe(true);
    expect(r.plan.program.statements.map((st) => `${st.op}:${"table" in st ? st.table : st.sink}`)).toEqual([
      "from:src", "filter:f", "select:s", "collect:src", "collect:f", "collect:s",
    ]);
    expect(r.plan.program.statements.at(-1)).toEqual({ op: "collect", sink: "s", input: "s", maxRows: 100 });
    expect(r.plan.program.config).toEqual({ "streamcanvas.job.timeout-ms": "40000" }); // the runner's backstop
  });

  it("previews a sink as the rows it would receive, without writing it", () => {
    const r = planPreview(g, "p", { rows: 7 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.target).toBe("f");
    expect(r.plan.sampled).toEqual(["src", "f"]);
    expect(writesNoSink(r.plan.program)).toBe(true);
    expect(r.plan.program.statements.filter((st) => st.op === "collect").every((st) => st.op === "collect" && st.maxRows === 7)).toBe(true);
  });

  it("caps datagen rows and speeds it up, keeping a smaller configured cap", () => {
    const r = planPreview(g, "f", { sourceRows: 300 });
    if (!r.ok) throw new Error("invalid");
    const from = r.plan.program.statements[0]!;
    expect(from.op === "from" && from.descriptor.options).toMatchObject({ "number-of-rows": "300", "rows-per-second": "1200" });
    const small = structuredClone(g);
    (small.nodes[0]!.config as { numberOfRows?: number }).numberOfRows = 20;
    const r2 = planPreview(small, "f");
    const from2 = r2.ok && r2.plan.program.statements[0];
    expect(from2 && from2.op === "from" && from2.descriptor.options["number-of-rows"]).toBe("20");
  });

  it("ignores errors outside the previewed part and reports those inside it", () => {
    expect(planPreview(g, "s").ok).toBe(true);
    const r = planPreview(g, "bh");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.nodeId)).toEqual(["other"]);
    expect(planPreview(g, "nope")).toEqual({ ok: false, errors: [{ message: 'no node "nope" in the pipeline' }] });
  });

  it("walks every input of a node", () => {
    const u = graph([seqSource("a"), seqSource("b"), { id: "u", kind: "union" }, { id: "c", kind: "collect" }], ["a->u:left", "b->u:right", "u->c"]);
    expect(upstreamOf(u, "u")).toEqual(["a", "b", "u"]);
  });
});
