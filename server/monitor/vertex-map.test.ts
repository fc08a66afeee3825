// Vertex → canvas node mapping on vertex names and topologies as Flink reports them for runner-built jobs.
import { describe, expect, it } from "vitest";
import { graph } from "@/pipeline/testing/graphs";
import { mapVerticesToNodes, parseOperators } from "./vertex-map";

describe("parseOperators", () => {
  it("finds the nodes named by the runner and Flink's metric prefixes", () => {
    const ops = parseOperators("GroupAggregate[4] -> ConstraintEnforcer[5] -> TableToDataStream -> Sink: Collect: out");
    expect(ops.map((o) => o.anchor?.node ?? null)).toEqual([null, null, null, "out"]);
    expect(ops[3]!.metricPrefix).toBe("Sink__Collect__out");
    expect(parseOperators("Source: my-src[12] -> Calc[13]")[0]).toMatchObject({ anchor: { node: "my-src", role: "source" }, metricPrefix: "Source__my-src[12]" });
    expect(parseOperators("bh[8]: Writer")[0]).toMatchObject({ anchor: { node: "bh", role: "sink" }, metricPrefix: "bh[8]__Writer" });
    // Flink names a Kafka source by the table's full identifier, and its metric ids spell the dots as _
    expect(parseOperators("Source: KafkaSource-default_catalog.default_database.clicks -> TableToDataStream")[0]).toMatchObject({
      anchor: { node: "clicks", role: "source" }, metricPrefix: "Source__KafkaSource-default_catalog_default_database_clicks",
    });
  });
});

describe("mapVerticesToNodes", () => {
  // datagen → filter → group-aggregate → collect, and the filter also → blackhole: Flink plans the two sinks
  // separately, so the source and filter appear twice.
  const g = graph([
    { id: "src", kind: "datagen" }, { id: "flt", kind: "filter" }, { id: "agg", kind: "group-aggregate" },
    { id: "out", kind: "collect" }, { id: "bh", kind: "blackhole" },
  ], ["src->flt", "flt->agg", "agg->out", "flt->bh"]);
  const vertices = [
    { id: "A", name: "Source: src[1] -> Calc[2]", inputs: [] },
    { id: "B", name: "Source: src[6] -> Calc[7]", inputs: [] },
    { id: "C", name: "GroupAggregate[4] -> ConstraintEnforcer[5] -> TableToDataStream -> Sink: Collect: out", inputs: ["A"] },
    { id: "D", name: "bh[8]: Writer", inputs: ["B"] },
  ];
  const m = mapVerticesToNodes(g, vertices);

  it("places sources and sinks on their own operators, in every vertex Flink made for them", () => {
    expect(m.src).toMatchObject({ vertices: ["A", "B"], operator: { name: "Source: src[1]" } });
    expect(m.src!.copies).toEqual([{ vertex: "A", metricPrefix: "Source__src[1]" }, { vertex: "B", metricPrefix: "Source__src[6]" }]);
    expect(m.out).toMatchObject({ vertices: ["C"], operator: { name: "Sink: Collect: out" } });
    expect(m.bh).toMatchObject({ vertices: ["D"], operator: { name: "bh[8]: Writer" } });
  });

  it("places a stateless node in its input's vertices and a shuffling node after the exchange, toward its own sink", () => {
    expect(m.flt).toMatchObject({ vertices: ["A", "B"], sharedWith: [] });
    expect(m.flt!.operator).toBeUndefined();
    expect(m.agg!.vertices).toEqual(["C"]);
  });

  it("says which nodes share one chained group", () => {
    const g2 = graph([{ id: "s", kind: "datagen" }, { id: "f", kind: "filter" }, { id: "p", kind: "select" }, { id: "o", kind: "collect" }],
      ["s->f", "f->p", "p->o"]);
    const m2 = mapVerticesToNodes(g2, [{ id: "V", name: "Source: s[1] -> Calc[2] -> TableToDataStream -> Sink: Collect: o", inputs: [] }]);
    expect(m2.f).toMatchObject({ vertices: ["V"], sharedWith: ["p"] });
    expect(m2.p).toMatchObject({ vertices: ["V"], sharedWith: ["f"] });
    expect(m2.s!.sharedWith).toEqual([]);
  });

  it("leaves out nodes it cannot place rather than guessing (a job of another pipeline)", () => {
    expect(mapVerticesToNodes(g, [{ id: "X", name: "Source: other[1] -> Sink: Collect: elsewhere", inputs: [] }])).toEqual({});
  });
});
