// The window TVF query of an IR window statement, as jvm-runner's WindowTranslator writes it (shared by both printers).
import type { WindowStatement } from "../ir/ops/window";
import type { AggregateFunction } from "../ir/schemas";
import { BY_AGGREGATE } from "../expr/functions/aggregates";
import { CodegenError } from "./literal";
import { sqlIdent } from "./sql-text";


/** SQL aggregate of an IR aggregate function over a quoted column (the built-in the Table API's count()/sum()/… resolve to). */
export function aggregateSql(fn: AggregateFunction, column: string): string {
  const a = BY_AGGREGATE.get(fn);
  if (!a) throw new CodegenError(`unknown aggregate function "${fn}"`);
  return `${a.sql}(${a.distinct ? "DISTINCT " : ""}${column})`;
}

/**
 * SELECT window_start, window_end, key…, aggregate… / FROM TABLE(<TVF over `from`>) / GROUP BY window_start, window_end,
 * key…: three clauses whose items are quoted identifiers and interval literals printed from IR numbers. `from` is the
 * (unquoted) name of the table or view the TVF reads.
 */
export function windowQuery(s: WindowStatement, from: string, fn?: string): WindowQuery {
  const id = sqlIdent;
  const keys = s.keys.map(id);
  const w = s.window;
  const time = `DESCRIPTOR(${id(w.timeColumn)})`;
  let tvf: string;
  switch (w.type) {
    case "tumble": tvf = `TUMBLE(TABLE ${id(from)}, ${time}, ${sqlInterval(w.sizeMs)})`; break;
    case "hop": tvf = `HOP(TABLE ${id(from)}, ${time}, ${sqlInterval(w.slideMs)}, ${sqlInterval(w.sizeMs)})`; break;
    case "cumulate": tvf = `CUMULATE(TABLE ${id(from)}, ${time}, ${sqlInterval(w.stepMs)}, ${sqlInterval(w.sizeMs)})`; break;
    // each key has its own sessions, as the window's GROUP BY keys promise
    case "session": {
      const partition = keys.length ? ` PARTITION BY (${keys.join(", ")})` : "";
      tvf = `SESSION(TABLE ${id(from)}${partition}, ${time}, ${sqlInterval(w.gapMs)})`;
      break;
    }
    default: throw new CodegenError(`unknown window type ${JSON.stringify((w as { type: unknown }).type)}`);
  }
  const group = [id("window_start"), id("window_end"), ...keys];
  const aggs = s.aggregates.map((a) => `${aggregateSql(a.fn, id(a.column))} AS ${id(a.as)}`);
  const select = [...group, ...aggs];
  if (!s.udf) return { select, from: `TABLE(${tvf})`, groupBy: group };
  // a TS aggregate returns ROW<outputs>: called in the same GROUP BY under a generated name, its fields read outside
  if (fn === undefined) throw new CodegenError(`window ${JSON.stringify(s.table)}: a TS aggregate needs a function name`);
  const tmp = id(`__udf_${s.table}`);
  const call = `${id(fn)}(${s.udf.inputColumns.map((c) => id(c.name)).join(", ")}) AS ${tmp}`;
  const outer = [...group, ...s.aggregates.map((a) => id(a.as)), ...s.udf.outputColumns.map((c) => `${tmp}.${id(c.name)} AS ${id(c.name)}`)];
  return { select: [...select, call], from: `TABLE(${tvf})`, groupBy: group, outer };
}

/** The three clauses of the window query; with a TS aggregate, `outer` are the items of a SELECT around it. */
export type WindowQuery = { select: string[]; from: string; groupBy: string[]; outer?: string[] };

/** The function name the runner registers a window's TS aggregate under: generated from its view name, never user text. */
export const windowUdfName = (view: string) => `${view}_agg`;

/** The query on three lines, exactly the text the runner hands to sqlQuery (given the same view name). */
export function windowQueryText(s: WindowStatement, from: string): string {
  const q = windowQuery(s, from, windowUdfName(from));
  const inner = `SELECT ${q.select.join(", ")}\nFROM ${q.from}\nGROUP BY ${q.groupBy.join(", ")}`;
  return q.outer ? `SELECT ${q.outer.join(", ")}\nFROM (${inner})` : inner;
}

/** A day-time interval literal of exactly `ms` milliseconds, in the largest unit that divides it (leading precision 2). */
export function sqlInterval(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new CodegenError(`interval of ${ms} ms`);
  for (const [unit, size] of [["DAY", 86_400_000], ["HOUR", 3_600_000], ["MINUTE", 60_000], ["SECOND", 1000]] as const) {
    if (ms % size === 0 && ms / size < 100) return `INTERVAL '${ms / size}' ${unit}`;
  }
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const days = Math.floor(ms / 86_400_000);
  const rest = ms % 86_400_000;
  const time = `${pad(Math.floor(rest / 3_600_000))}:${pad(Math.floor(rest / 60_000) % 60)}:${pad(Math.floor(rest / 1000) % 60)}.${pad(rest % 1000, 3)}`;
  return `INTERVAL '${days} ${time}' DAY(${Math.max(String(days).length, 2)}) TO SECOND(3)`;
}
