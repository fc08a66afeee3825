// Per-node figures from per-vertex metrics and the vertex→node placement; job totals from source and sink operators.
import type { NodePlacement, PlanVertex } from "./vertex-map";
import { parseOperators } from "./vertex-map";
import type { NodeFigures, VertexFigures } from "./types";

/** One vertex's metric answer: sums, maxima and minima over its subtasks, and counter rates, by metric id. */
export type VertexMetrics = {
  values: Record<string, number | undefined>; max: Record<string, number | undefined>;
  min: Record<string, number | undefined>; rates: Record<string, number | null>;
  /** the vertex's operators' metric prefixes, in chain order */
  ops: string[];
};

const MIN_LONG = -9223372036854775808;
const sum = (xs: (number | null | undefined)[]) => {
  const ok = xs.filter((x): x is number => typeof x === "number" && Number.isFinite(x));
  return ok.length ? ok.reduce((a, b) => a + b, 0) : null;
};
const maxOf = (xs: (number | null | undefined)[]) => {
  const ok = xs.filter((x): x is number => typeof x === "number" && Number.isFinite(x));
  return ok.length ? Math.max(...ok) : null;
};
const watermarkOf = (m: VertexMetrics | undefined, key: string) => {
  const v = m?.min[key];
  return v === undefined || !Number.isFinite(v) || v <= MIN_LONG ? null : v;
};

export function nodeFigures(
  placement: Record<string, NodePlacement>, metrics: Map<string, VertexMetrics>, vertices: VertexFigures[], at: number,
): Record<string, NodeFigures> {
  const out: Record<string, NodeFigures> = {};
  for (const [node, p] of Object.entries(placement)) {
    const vs = p.vertices.map((id) => vertices.find((v) => v.id === id)).filter((v): v is VertexFigures => !!v);
    const busy = maxOf(vs.map((v) => v.busy));
    const backpressured = maxOf(vs.map((v) => v.backpressured));
    let inRate: number | null, outRate: number | null, watermark: number | null, operators: string[];
    let recordsIn: number | null, recordsOut: number | null;
    if (p.operator) {
      const copies = p.copies ?? p.vertices.map((vertex) => ({ vertex, metricPrefix: p.operator!.metricPrefix }));
      const source = p.operator.anchor?.role === "source";
      const of = (pick: "rates" | "values", metric: string) => sum(copies.map((c) => metrics.get(c.vertex)?.[pick][`${c.metricPrefix}.${metric}`]));
      inRate = source ? null : of("rates", "numRecordsIn");
      outRate = source ? of("rates", "numRecordsOut") : null;
      recordsIn = source ? null : of("values", "numRecordsIn");
      recordsOut = source ? of("values", "numRecordsOut") : null;
      const wms = copies.map((c) => watermarkOf(metrics.get(c.vertex), `${c.metricPrefix}.${source ? "currentOutputWatermark" : "currentInputWatermark"}`));
      watermark = wms.every((w) => w === null) ? null : Math.min(...wms.filter((w): w is number => w !== null));
      operators = [p.operator.name];
    } else {
      // the chained group: the vertex's operators that belong to no source or sink node
      const groups = p.vertices.map((id) => {
        const v = vertices.find((x) => x.id === id);
        const ops = v ? parseOperators(v.name).filter((o) => !o.anchor) : [];
        return { id, ops };
      });
      inRate = sum(groups.map((g) => g.ops.length ? metrics.get(g.id)?.rates[`${g.ops[0]!.metricPrefix}.numRecordsIn`] : metrics.get(g.id)?.rates.numRecordsIn));
      outRate = sum(groups.map((g) => g.ops.length ? metrics.get(g.id)?.rates[`${g.ops.at(-1)!.metricPrefix}.numRecordsOut`] : metrics.get(g.id)?.rates.numRecordsOut));
      recordsIn = sum(groups.map((g) => metrics.get(g.id)?.values[g.ops.length ? `${g.ops[0]!.metricPrefix}.numRecordsIn` : "numRecordsIn"]));
      recordsOut = sum(groups.map((g) => metrics.get(g.id)?.values[g.ops.length ? `${g.ops.at(-1)!.metricPrefix}.numRecordsOut` : "numRecordsOut"]));
      const wms = groups.map((g) => g.ops.length ? watermarkOf(metrics.get(g.id), `${g.ops.at(-1)!.metricPrefix}.currentOutputWatermark`) : null)
        .filter((w): w is number => w !== null);
      watermark = wms.length ? Math.min(...wms) : null;
      operators = [...new Set(groups.flatMap((g) => g.ops.map((o) => o.name)))];
    }
    out[node] = {
      inRate, outRate, recordsIn, recordsOut, busy, backpressured, watermark, watermarkLagMs: watermark === null ? null : Math.max(0, at - watermark),
      vertices: p.vertices, scope: p.operator ? "operator" : "chain", operators, sharedWith: p.sharedWith,
    };
  }
  return out;
}

/** Records/s into the job (its sources' output) and out of it (its sinks' input); vertex-level where no operator is named. */
export function totalsOf(plan: PlanVertex[], metrics: Map<string, VertexMetrics>) {
  const ins: (number | null | undefined)[] = [];
  const outs: (number | null | undefined)[] = [];
  const hasChildren = new Set(plan.flatMap((v) => v.inputs));
  for (const v of plan) {
    const m = metrics.get(v.id);
    if (!m) continue;
    const ops = parseOperators(v.name);
    const sources = ops.filter((o) => o.anchor?.role === "source" || o.name.startsWith("Source: "));
    const sinks = ops.filter((o) => o.anchor?.role === "sink" || o.name.startsWith("Sink: ") || o.name.endsWith(": Writer"));
    if (sources.length) ins.push(...sources.map((o) => m.rates[`${o.metricPrefix}.numRecordsOut`]));
    else if (v.inputs.length === 0) ins.push(m.rates.numRecordsOut);
    if (sinks.length) outs.push(...sinks.map((o) => m.rates[`${o.metricPrefix}.numRecordsIn`]));
    else if (!hasChildren.has(v.id)) outs.push(m.rates.numRecordsIn);
  }
  return { inRate: sum(ins), outRate: sum(outs) };
}
