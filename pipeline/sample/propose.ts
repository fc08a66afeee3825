// Proposes column names and Flink types from sampled values: the narrowest of BOOLEAN, BIGINT, DOUBLE, DATE,
// TIMESTAMP(3), STRING that every non-empty value of the column fits; the user edits the proposal before using it.
import type { ProposedColumn } from "./request";

const PATTERNS: [type: string, test: RegExp][] = [
  ["BOOLEAN", /^(true|false)$/i],
  ["BIGINT", /^[-+]?\d{1,18}$/],
  ["DOUBLE", /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/],
  ["DATE", /^\d{4}-\d{2}-\d{2}$/],
  ["TIMESTAMP(3)", /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/],
];

/** The Flink type every value fits (empty values fit all); STRING when none does or all are empty. */
export function proposeType(values: (string | null)[]): string {
  const seen = values.filter((v): v is string => v !== null && v.trim() !== "").map((v) => v.trim());
  if (seen.length === 0) return "STRING";
  return PATTERNS.find(([, re]) => seen.every((v) => re.test(v)))?.[0] ?? "STRING";
}

/** Columns for sampled rows: names from the header when given (blank or repeated ones made unique), else col_1, col_2… */
export function proposeColumns(header: (string | null)[] | null, rows: (string | null)[][]): ProposedColumn[] {
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 0);
  const used = new Set<string>();
  return Array.from({ length: width }, (_, i) => {
    const base = header?.[i]?.trim() || `col_${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return { name, type: proposeType(rows.map((r) => r[i] ?? null)) };
  });
}

/** JSON objects (JSON lines, later sampled Kafka messages): one column per key in first-seen order. */
export function proposeFromObjects(objects: Record<string, unknown>[]): { columns: ProposedColumn[]; rows: (string | null)[][] } {
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === "object" ? JSON.stringify(v) : String(v));
  const rows = objects.map((o) => keys.map((k) => text(o[k])));
  const columns = keys.map((name, i) => {
    const values = objects.map((o) => o[name]).filter((v) => v !== null && v !== undefined);
    // nested values: left as STRING for the user to type (e.g. ROW<…>), since a guess there would mislead
    const nested = values.some((v) => typeof v === "object");
    return { name, type: nested ? "STRING" : proposeType(rows.map((r) => r[i] ?? null)) };
  });
  return { columns, rows };
}
