// The `?` list of keyboard shortcuts, read from the same table as the key handler.
"use client";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="sc-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="sc-dialog" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-help"
        onKeyDown={(e) => (e.key === "Escape" || e.key === "?") && onClose()}>
        <h2 className="sc-dialog__title">Keyboard shortcuts</h2>
        <table className="sc-shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id}><td><kbd>{s.keys}</kbd></td><td>{s.label}</td></tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus className="sc-button sc-button--small" onClick={onClose} data-testid="shortcut-help-close">Close</button>
      </div>
    </div>
  );
}
