// Shortcut table: Ctrl and ⌘ alike, Shift for redo, plain keys only where they cannot clash with typing.
import { describe, expect, it } from "vitest";
import { SHORTCUTS, canvasOwnsKey, shortcutFor, type KeyTarget } from "./shortcuts";

const key = (k: string, m: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) =>
  shortcutFor({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...m });

describe("shortcutFor", () => {
  it("maps Ctrl and ⌘ the same, Shift-Z and Y to redo", () => {
    expect([key("z", { ctrlKey: true }), key("z", { metaKey: true })]).toEqual(["undo", "undo"]);
    expect([key("Z", { ctrlKey: true, shiftKey: true }), key("y", { ctrlKey: true })]).toEqual(["redo", "redo"]);
    expect(["c", "x", "v", "d", "a", "k"].map((k) => key(k, { metaKey: true }))).toEqual(["copy", "cut", "paste", "duplicate", "select-all", "quick-add"]);
  });

  it("knows Delete, Backspace, ? and the Shift letters, and nothing with Alt or plain letters", () => {
    expect([key("Delete"), key("Backspace"), key("?", { shiftKey: true })]).toEqual(["delete", "delete", "help"]);
    expect([key("L", { shiftKey: true }), key("F", { shiftKey: true })]).toEqual(["layout", "fit"]);
    expect([key("l"), key("z"), key("z", { ctrlKey: true, altKey: true })]).toEqual([null, null, null]);
    expect([key(" "), key(" ", { shiftKey: true })]).toEqual(["pan", null]);
  });

  it("lists every shortcut the handler knows in the ? help", () => {
    const ids = new Set(SHORTCUTS.map((s) => s.id));
    for (const id of ["undo", "redo", "copy", "cut", "paste", "duplicate", "select-all", "delete", "quick-add", "layout", "fit", "help", "pan"]) {
      expect(ids).toContain(id);
    }
  });
});

// A stand-in for a DOM element: where it sits (inside the canvas or not) and which selectors it or an ancestor matches.
type Fake = KeyTarget & { inCanvas: boolean };
const el = (inCanvas: boolean, matches: string[] = [], extra: Partial<KeyTarget> = {}): Fake => ({
  inCanvas, ...extra,
  closest: (selectors: string) => selectors.split(",").map((s) => s.trim()).some((s) => matches.includes(s)),
});
const canvas = { contains: (t: Fake) => t.inCanvas };
const doc = { body: el(false), documentElement: el(false) };
const owns = (t: KeyTarget | null) => canvasOwnsKey(t, canvas, doc);

describe("canvasOwnsKey", () => {
  it("gives the canvas keys pressed on its background, a node, an edge or its toolbar, and when nothing has focus", () => {
    expect([owns(el(true)), owns(el(true, ["button"])), owns(doc.body), owns(doc.documentElement), owns(null)]).toEqual([true, true, true, true, true]);
  });

  it("never takes keys from the inspector, its buttons, fields, Monaco or other panels", () => {
    expect([owns(el(false)), owns(el(false, ["button"])), owns(el(false, ["input"])), owns(el(false, [".monaco-editor"]))]).toEqual([false, false, false, false]);
  });

  it("leaves text fields and dialogs inside the canvas alone, Monaco's EditContext div and contenteditable included", () => {
    const inside = ["input", "textarea", "select", "[role=dialog]", "[role=combobox]", ".monaco-editor", ".nokey"].map((m) => owns(el(true, [m])));
    expect(inside).toEqual(inside.map(() => false));
    expect(owns(el(true, [], { editContext: {} }))).toBe(false);
    expect(owns(el(true, [], { isContentEditable: true }))).toBe(false);
  });
});
