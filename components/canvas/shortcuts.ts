// The editor's keyboard shortcuts in one table: the key handler and the `?` help list both read it.
export type Shortcut = { id: string; keys: string; label: string };

export const SHORTCUTS: Shortcut[] = [
  { id: "undo", keys: "Ctrl/⌘ Z", label: "Undo" },
  { id: "redo", keys: "Ctrl/⌘ Shift Z · Ctrl Y", label: "Redo" },
  { id: "copy", keys: "Ctrl/⌘ C", label: "Copy the selection (with the edges between its nodes)" },
  { id: "cut", keys: "Ctrl/⌘ X", label: "Cut the selection" },
  { id: "paste", keys: "Ctrl/⌘ V", label: "Paste at the pointer (also from another pipeline)" },
  { id: "duplicate", keys: "Ctrl/⌘ D", label: "Duplicate the selection" },
  { id: "select-all", keys: "Ctrl/⌘ A", label: "Select all" },
  { id: "delete", keys: "Delete · Backspace", label: "Delete the selection" },
  { id: "quick-add", keys: "Ctrl/⌘ K", label: "Quick add a node (onto the selected edge, or at the pointer)" },
  { id: "layout", keys: "Shift L", label: "Auto-layout left to right" },
  { id: "fit", keys: "Shift F", label: "Zoom to fit" },
  { id: "multi", keys: "Shift click · Shift drag", label: "Add to the selection · select with a box" },
  { id: "help", keys: "?", label: "Show this list" },
];

/** Which shortcut a key event means, or null. Ctrl and ⌘ are the same key here. */
export function shortcutFor(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): string | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (e.altKey) return null;
  if (mod) {
    if (k === "z") return e.shiftKey ? "redo" : "undo";
    if (k === "y") return "redo";
    return ({ c: "copy", x: "cut", v: "paste", d: "duplicate", a: "select-all", k: "quick-add" } as Record<string, string>)[k] ?? null;
  }
  if (k === "delete" || k === "backspace") return "delete";
  if (e.key === "?") return "help";
  if (e.shiftKey && k === "l") return "layout";
  if (e.shiftKey && k === "f") return "fit";
  return null;
}

/** Keys typed into a text field, Monaco or a dialog belong to that field, not to the canvas. */
export function isTextTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || !!t.closest("input, textarea, select, [role=dialog], .monaco-editor");
}
