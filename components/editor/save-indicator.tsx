// "saved / saving / offline — draft kept locally / conflict" next to the pipeline name, with the two ways out of a conflict.
import type { SaveStatus } from "./use-autosave";

const TEXT: Record<SaveStatus["state"], string> = {
  saved: "saved",
  pending: "unsaved changes",
  saving: "saving…",
  offline: "offline — draft kept locally",
  conflict: "conflict",
  error: "not saved",
};

type Props = { status: SaveStatus; restored: boolean; onKeepMine(): void; onUseSaved(): void; onFork?(): void };

export function SaveIndicator({ status, restored, onKeepMine, onUseSaved, onFork }: Props) {
  return (
    <>
      <span className={`sc-save sc-save--${status.state}`} data-testid="save-state" data-state={status.state} title={status.message}>
        <span className="sc-save__dot" />
        {TEXT[status.state]}
        {status.message && status.state !== "offline" ? `: ${status.message}` : ""}
        {restored && status.state === "saved" ? " (restored local draft)" : ""}
      </span>
      {status.state === "conflict" && (
        <span className="sc-save__actions">
          <button type="button" className="sc-button sc-button--small" data-testid="conflict-keep-mine" onClick={onKeepMine}>
            Keep my version
          </button>
          <button type="button" className="sc-button sc-button--small" data-testid="conflict-use-saved" onClick={onUseSaved}>
            Load the saved one
          </button>
          {onFork && (
            <button type="button" className="sc-button sc-button--small" data-testid="conflict-fork" onClick={onFork}
              title="Save your version as a new pipeline; this one keeps the other copy">
              Fork as new pipeline
            </button>
          )}
        </span>
      )}
    </>
  );
}
