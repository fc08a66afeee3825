// Shortcut table: Ctrl and ⌘ alike, Shift for redo, plain keys only where they cannot clash with typing.
import { describe, expect, it } from "vitest";
import { SHORTCUTS, shortcutFor } from "./shortcuts";

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
  });

  it("lists every shortcut the handler knows in the ? help", () => {
    const ids = new Set(SHORTCUTS.map((s) => s.id));
    for (const id of ["undo", "redo", "copy", "cut", "paste", "duplicate", "select-all", "delete", "quick-add", "layout", "fit", "help"]) {
      expect(ids).toContain(id);
    }
  });
});
