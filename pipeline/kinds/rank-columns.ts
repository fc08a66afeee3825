// Shared by deduplicate, top-n and order-by: key column lists, sort keys, and outputs without time attributes.
import { z } from "zod";
import type { GraphError } from "../graph";
import { SORT_DIRECTIONS } from "../ir";
import type { RowType } from "../types";
import { findColumn } from "./column-ref";

export const Direction = z.enum(SORT_DIRECTIONS).default("desc").meta({
  title: "Direction", description: "desc: largest first; asc: smallest first.",
});

/** Errors for each listed column the input lacks (or lists twice), pinned to `<field>.<i>`. */
export function checkColumns(nodeId: string, field: string, names: string[], input: RowType): GraphError[] {
  const errors: GraphError[] = [];
  names.forEach((name, i) => {
    const ref = findColumn(nodeId, `${field}.${i}`, name, input);
    if (!ref.ok) errors.push(ref.error);
    else if (names.indexOf(name) !== i) errors.push({ nodeId, field: `${field}.${i}`, message: `"${name}" is listed twice` });
  });
  return errors;
}

/** The input's columns as plain values: ROW_NUMBER and sort operators emit rows out of event-time order. */
export const plainColumns = (input: RowType): RowType => input.map((c) => ({ name: c.name, type: c.type }));
