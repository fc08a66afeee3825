// TS UDF figures from the runner's operator metrics `<operator>.streamcanvas_udf.<nodeId>.rows|batches|latencyMs`.
import type { UdfFigures } from "./types";

const UDF_METRIC = /(?:^|\.)streamcanvas_udf\.([A-Za-z][A-Za-z0-9_-]*)\.(rows|batches|latencyMs)$/;

/** The node and metric a metric id names, or null when it is not a UDF metric. */
export function parseUdfMetric(id: string): { node: string; metric: "rows" | "batches" | "latencyMs" } | null {
  const m = UDF_METRIC.exec(id);
  return m ? { node: m[1]!, metric: m[2] as "rows" | "batches" | "latencyMs" } : null;
}

export const isUdfMetric = (id: string) => UDF_METRIC.test(id);
export const isUdfRowsMetric = (id: string) => parseUdfMetric(id)?.metric === "rows";

/** Per-vertex answers (sum over subtasks, max over subtasks, rows/s per metric id) added up per UDF node. */
export function udfFigures(
  vertices: Iterable<{ values: Record<string, number | undefined>; max: Record<string, number | undefined>; rates: Record<string, number | null> }>,
): Record<string, UdfFigures> {
  const out: Record<string, UdfFigures> = {};
  for (const v of vertices) {
    for (const [id, value] of Object.entries(v.values)) {
      const p = parseUdfMetric(id);
      if (!p || value === undefined || !Number.isFinite(value)) continue;
      const f = (out[p.node] ??= { rows: 0, rowsPerSecond: null, batches: 0, latencyMs: null });
      if (p.metric === "rows") {
        f.rows += value;
        const r = v.rates[id];
        if (r !== null && r !== undefined) f.rowsPerSecond = (f.rowsPerSecond ?? 0) + r;
      } else if (p.metric === "batches") f.batches += value;
      else {
        // the slowest subtask's recent worst round trip; 0 means no batch was answered yet
        const worst = v.max[id] ?? value;
        if (worst > 0) f.latencyMs = Math.max(f.latencyMs ?? 0, worst);
      }
    }
  }
  return out;
}
