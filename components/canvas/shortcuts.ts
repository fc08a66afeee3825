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
  { id: "pan", keys: "Drag the background · hold Space and scroll", label: "Pan the canvas" },
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
  if (e.key === " " && !e.shiftKey) return "pan";
  if (e.shiftKey && k === "l") return "layout";
  if (e.shiftKey && k === "f") return "fit";
  return null;
}

/** The parts of a key event's target the decision reads (an Element in the browser, a plain object in tests). */
export type KeyTarget = { closest(selectors: string): unknown; isContentEditable?: boolean; editContext?: unknown };

// Where typed text goes. Monaco 0.57 types into a div with an EditContext: neither an input nor contenteditable,
// so xyflow's own test (isInputDOMNode: INPUT/SELECT/TEXTAREA, [contenteditable], .nokey) misses it.
const TEXT = "input, textarea, select, [contenteditable]:not([contenteditable=false]), [role=combobox], .monaco-editor, .nokey";

/** Whether a key belongs to the canvas: only when focus is on the canvas (its background, a node, an edge, its
 *  toolbar) or on nothing at all (the page body, e.g. right after the focused node was deleted). A key typed into
 *  a field, Monaco or a dialog, or pressed on a button of the inspector or any other panel, is never a canvas key. */
export function canvasOwnsKey(
  target: KeyTarget | null, canvas: { contains(t: never): boolean } | null, doc: { body: unknown; documentElement: unknown },
): boolean {
  if (!target || target === doc.body || target === doc.documentElement) return true;
  if (!canvas?.contains(target as never)) return false;
  if (target.isContentEditable || target.editContext) return false;
  return !target.closest(`${TEXT}, [role=dialog]`);
}
