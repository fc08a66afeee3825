// Binds the shortcut table to the document while an editable canvas is open. Keys act only when the canvas has focus
// (canvasOwnsKey): fields, Monaco, dialogs and the other panels keep every key, Space and Delete included.
"use client";
import { useEffect, useState, type RefObject } from "react";
import { parseFragment } from "@/pipeline/fragment";
import { canvasOwnsKey, shortcutFor, type KeyTarget } from "./shortcuts";
import type { CanvasCommands } from "./use-canvas-commands";

type Ui = { toggleHelp(): void; openQuickAdd(): void };

/** Returns whether Space is held on the canvas (the wheel then pans): React Flow's own Space handler is off, since
 *  it claims Space wherever focus is that xyflow does not recognise as a text field (Monaco's EditContext div). */
export function useShortcutKeys(cmd: CanvasCommands, ui: Ui, enabled: boolean, canvas: RefObject<HTMLElement | null>) {
  const [spaceHeld, setSpaceHeld] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const owns = (t: EventTarget | null) => canvasOwnsKey(t as KeyTarget | null, canvas.current, document);
    // A paste first offers the system clipboard (another tab, another pipeline, a file's text) through the paste
    // event; when the browser fires none (no clipboard access), the copy kept in localStorage is pasted instead.
    let pasteSeen = true;
    const onPaste = (e: ClipboardEvent) => {
      if (!owns(e.target)) return;
      pasteSeen = true;
      const f = parseFragment(e.clipboardData?.getData("text/plain") ?? "");
      if (f) {
        e.preventDefault();
        cmd.pasteFragment(f);
      } else cmd.pasteStored();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !owns(e.target)) return;
      const id = shortcutFor(e);
      if (!id) return;
      // Text selected on the page (result rows, generated code) is what the user means to copy, not the nodes.
      if ((id === "copy" || id === "cut") && document.getSelection()?.toString()) return;
      if (id === "paste") {
        pasteSeen = false;
        setTimeout(() => { if (!pasteSeen) cmd.pasteStored(); }, 0);
        return; // the browser's own paste event (if any) comes next
      }
      if (id === "pan") {
        // Space on a focused toolbar button presses the button, as xyflow leaves it.
        if ((e.target as Element).closest?.("button, a")) return;
        e.preventDefault(); // no page scroll
        if (!e.repeat) setSpaceHeld(true);
        return;
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
    // Released anywhere (focus may have moved meanwhile), or the window lost focus with Space down.
    const onKeyUp = (e: KeyboardEvent) => { if (e.key === " ") setSpaceHeld(false); };
    const release = () => setSpaceHeld(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("keyup", onKeyUp);
    document.addEventListener("paste", onPaste);
    window.addEventListener("blur", release);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("keyup", onKeyUp);
      document.removeEventListener("paste", onPaste);
      window.removeEventListener("blur", release);
      release();
    };
  }, [cmd, ui, enabled, canvas]);
  return spaceHeld;
}
