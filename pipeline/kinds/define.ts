// defineNodeKind: the one shape every node kind file exports (DESIGN.md §6.1).
import type { z } from "zod";
import type { GraphError } from "../graph";
import type { Statement, TableDescriptorIr } from "../ir";
import type { MergingWindow } from "../udf/aggregate-exports";
import type { ProposedColumn, SampleRequest } from "../sample/request";
import type { RowType } from "../types";
import type { RunSettings } from "../run-settings";

export type NodeCategory = "source" | "transform" | "sink";

export type InferContext<C> = {
  nodeId: string;
  config: C;
  /** row type arriving on each connected input port */
  inputs: Record<string, RowType>;
  /** why each connected input port's rows never end; no entry = that input is bounded (it finishes) */
  unboundedInputs?: Record<string, string>;
  /** the changelog arriving on each connected input port (validate.ts fills it; absent in a bare call = insert-only) */
  changelogInputs?: Record<string, Changelog>;
  /** the pipeline's run settings (a sink's delivery guarantee may need checkpoints); absent in a bare call */
  settings?: RunSettings;
};
/**
 * rowType is undefined for sinks (they have no output) or when the node is too broken to say.
 * `unbounded`: why the output never ends, or null if it is bounded; omitted = the default rule (validate.ts
 * boundedness): a source is unbounded, any other node is unbounded when one of its inputs is.
 */
export type InferResult = { rowType?: RowType; errors: GraphError[]; unbounded?: string | null; changelog?: Changelog };

/**
 * The changelog a node's output is, as Flink's planner infers it: insert-only (rows are only appended), or updating
 * (rows are also retracted / replaced: a group aggregate, a keep-last deduplicate, a top-N, a changelog-format source…).
 * `by` is the node that makes the stream updating and `why` says how; `key` the columns the updates are keyed by, when
 * known (a group aggregate's keys): an upsert sink must write by that key.
 */
export type Changelog = { mode: "insert-only" } | { mode: "updating"; by: string; why: string; key?: string[] };
export const INSERT_ONLY: Changelog = { mode: "insert-only" };
/** An updating output made by node `by`; `key` only when its updates are keyed by those columns. */
export const updating = (by: string, why: string, key?: string[]): Changelog =>
  ({ mode: "updating", by, why, ...(key && key.length ? { key: [...key] } : {}) });

export type IrContext<C> = {
  nodeId: string;
  config: C;
  /** IR table name feeding each input port */
  inputs: Record<string, string>;
  inputTypes: Record<string, RowType>;
};

/** The kinds of TypeScript UDF, as the compiler checks them and the worker protocol names them. */
export type UdfKind = "map" | "filter" | "flatMap" | "aggregate";

/** A kind whose `code` config is a TypeScript UDF. */
export type UdfFacet = {
  kind: UdfKind;
  /** empty code = no UDF (a window's optional TS aggregate) */
  codeOptional?: boolean;
  /** the window whose partial accumulators Flink merges, so the aggregate must export merge() */
  merging?: MergingWindow;
};

/** A source kind: whether it ends, and how a preview caps it. */
export type SourceFacet<C> = {
  /** why the source never ends with this config (as Flink's planner sees it), or null when it is bounded */
  unbounded(config: C, nodeId: string): string | null;
  /** its `from` descriptor changed to emit at most `rows` rows soon, for a preview; absent = kept as compiled */
  previewCap?(descriptor: TableDescriptorIr, rows: number): TableDescriptorIr;
  /** Propose columns: what to sample (the server reads it and proposes names and types) and how the user's accepted
   *  columns go into the config; one UI piece serves every source that has this */
  sample?: { request(config: C): SampleRequest; apply(config: C, columns: ProposedColumn[]): C };
  /** whether it skips messages its format cannot read, and whether the job page can count them: "counted" when a
   *  message gives at most one row, so messages read − rows emitted is the number skipped; absent/null = it fails */
  skipsBad?(config: C): "counted" | "uncounted" | null;
};

/** The UDF kind Try it runs on sample rows for this node kind (row-at-a-time UDFs: map, filter, flatMap), if any. */
export function tryItKind(kind: { udf?: UdfFacet } | undefined): Exclude<UdfKind, "aggregate"> | undefined {
  const k = kind?.udf?.kind;
  return k === "aggregate" ? undefined : k;
}

/** A kind that reads or writes through a named connection (a Kafka cluster, a database). */
export type ConnectionFacet = { kind: string };

export type NodeKind<C = unknown> = {
  kind: string;
  version: number;
  title: string;
  category: NodeCategory;
  description: string;
  ports: { inputs: string[]; outputs: string[] };
  config: z.ZodType<C>;
  defaults: C;
  inferRowType(ctx: InferContext<C>): InferResult;
  /** IR statements; the node's result table (if any) is named by its node id. Only called on a valid graph. */
  toIr(ctx: IrContext<C>): Statement[];
  udf?: UdfFacet;
  source?: SourceFacet<C>;
  connection?: ConnectionFacet;
  /** upgrades a config saved by an older version of this kind (DESIGN.md §6.2) */
  upgrade?(fromVersion: number, config: unknown): unknown;
};

export function defineNodeKind<C>(k: NodeKind<C>): NodeKind<C> {
  return k;
}
