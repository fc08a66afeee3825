// Binds the shortcut table to the document while an editable canvas is open; text fields keep their own keys.
"use client";
import { useEffect } from "react";
import { parseFragment } from "@/pipeline/fragment";
import { isTextTarget, shortcutFor } from "./shortcuts";
import type { CanvasCommands } from "./use-canvas-commands";

type Ui = { toggleHelp(): void; openQuickAdd(): void };

export function useShortcutKeys(cmd: CanvasCommands, ui: Ui, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    // A paste first offers the system clipboard (another tab, another pipeline, a file's text) through the paste
    // event; when the browser fires none (no clipboard access), the copy kept in localStorage is pasted instead.
    let pasteSeen = true;
    const onPaste = (e: ClipboardEvent) => {
      if (isTextTarget(e.target)) return;
      pasteSeen = true;
      const f = parseFragment(e.clipboardData?.getData("text/plain") ?? "");
      if (f) {
        e.preventDefault();
        cmd.pasteFragment(f);
      } else cmd.pasteStored();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextTarget(e.target)) return;
      const id = shortcutFor(e);
      if (!id) return;
      // Text selected on the page (result rows, generated code) is what the user means to copy, not the nodes.
      if ((id === "copy" || id === "cut") && document.getSelection()?.toString()) return;
      if (id === "paste") {
        pasteSeen = false;
        setTimeout(() => { if (!pasteSeen) cmd.pasteStored(); }, 0);
        return; // the browser's own paste event (if any) comes next
      }
      e.preventDefault();
      switch (id) {
        case "undo": return cmd.undo();
        case "redo": return cmd.redo();
        case "copy": return void cmd.copy();
        case "cut": return cmd.cut();
        case "duplicate": return cmd.duplicate();
        case "select-all": return cmd.selectAll();
        case "delete": return cmd.deleteSelection();
        case "quick-add": return ui.openQuickAdd();
        case "layout": return void cmd.layout();
        case "fit": return cmd.fit();
        case "help": return ui.toggleHelp();
      }
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("paste", onPaste);
    };
  }, [cmd, ui, enabled]);
}
