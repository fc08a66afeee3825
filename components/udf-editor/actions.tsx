// A slot for extra buttons in the UDF editor's header (e.g. a "Try it" preview): whoever renders the editor page wraps
// it in <UdfEditorActionsProvider render={(ctx) => …}>, and every UDF editor shows what render returns for its node.
"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { RowType } from "@/pipeline/types";

export type UdfEditorContext = {
  nodeId: string;
  /** the config field holding the code, e.g. "code" */
  field: string;
  /** the code as the canvas store has it (edits reach it debounced, and at once when the editor loses focus) */
  code: string;
  inputRowType: RowType | undefined;
};
type Render = (ctx: UdfEditorContext) => ReactNode;

const ActionsContext = createContext<Render | null>(null);

export function UdfEditorActionsProvider({ render, children }: { render: Render; children: ReactNode }) {
  return <ActionsContext.Provider value={render}>{children}</ActionsContext.Provider>;
}

export const useUdfEditorActions = () => useContext(ActionsContext);
