// What every generated form field may need besides its value: the node, its errors, and the row type arriving at it.
"use client";
import { createContext } from "react";
import type { GraphError } from "@/pipeline/graph";
import type { RowType } from "@/pipeline/types";

export type FormContext = {
  nodeId: string;
  errors: GraphError[];
  inputRowType: RowType | undefined;
  /** offered as completions in plain text fields: the input's columns, or a source's own */
  columnNames: string[];
};
export const FormCtx = createContext<FormContext>({ nodeId: "", errors: [], inputRowType: undefined, columnNames: [] });
