// Buttons over the canvas for what the shortcuts do, so every command is reachable by mouse and by Tab.
"use client";
import { Panel } from "@xyflow/react";
import { useCanvas } from "./store-context";
import type { CanvasCommands } from "./use-canvas-commands";

type Props = {
  cmd: CanvasCommands;
  snap: boolean;
  onSnap(v: boolean): void;
  onQuickAdd(): void;
  onHelp(): void;
};

export function CanvasToolbar({ cmd, snap, onSnap, onQuickAdd, onHelp }: Props) {
  const canUndo = useCanvas((s) => s.past.length > 0);
  const canRedo = useCanvas((s) => s.future.length > 0);
  const b = (id: string, label: string, title: string, onClick: () => void, disabled = false) => (
    <button type="button" className="sc-tool" data-testid={`tool-${id}`} title={title} aria-label={title}
      onClick={onClick} disabled={disabled}>{label}</button>
  );
  return (
    <Panel position="top-left" className="sc-canvas-toolbar" data-testid="canvas-toolbar">
      {b("undo", "↶", "Undo (Ctrl/⌘ Z)", cmd.undo, !canUndo)}
      {b("redo", "↷", "Redo (Ctrl/⌘ Shift Z)", cmd.redo, !canRedo)}
      <span className="sc-tool-sep" />
      {b("quick-add", "+", "Quick add a node (Ctrl/⌘ K)", onQuickAdd)}
      {b("layout", "⇶", "Auto-layout left to right (Shift L)", () => void cmd.layout())}
      {b("fit", "⤢", "Zoom to fit (Shift F)", cmd.fit)}
      <button type="button" className={`sc-tool${snap ? " is-on" : ""}`} data-testid="tool-snap" aria-pressed={snap}
        title="Snap to grid" aria-label="Snap to grid" onClick={() => onSnap(!snap)}>#</button>
      {b("help", "?", "Keyboard shortcuts (?)", onHelp)}
    </Panel>
  );
}
