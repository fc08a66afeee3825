// defineNodeKind: the one shape every node kind file exports (DESIGN.md §6.1).
import type { z } from "zod";
import type { GraphError } from "../graph";
import type { Statement } from "../ir";
import type { RowType } from "../types";

export type NodeCategory = "source" | "transform" | "sink";

export type InferContext<C> = {
  nodeId: string;
  config: C;
  /** row type arriving on each connected input port */
  inputs: Record<string, RowType>;
  /** why each connected input port's rows never end; no entry = that input is bounded (it finishes) */
  unboundedInputs?: Record<string, string>;
};
/**
 * rowType is undefined for sinks (they have no output) or when the node is too broken to say.
 * `unbounded`: why the output never ends, or null if it is bounded; omitted = the default rule (validate.ts
 * boundedness): a source is unbounded, any other node is unbounded when one of its inputs is.
 */
export type InferResult = { rowType?: RowType; errors: GraphError[]; unbounded?: string | null };

export type IrContext<C> = {
  nodeId: string;
  config: C;
  /** IR table name feeding each input port */
  inputs: Record<string, string>;
  inputTypes: Record<string, RowType>;
};

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
  /** upgrades a config saved by an older version of this kind (DESIGN.md §6.2) */
  upgrade?(fromVersion: number, config: unknown): unknown;
};

export function defineNodeKind<C>(k: NodeKind<C>): NodeKind<C> {
  return k;
}
