// "saved / saving / offline — draft kept locally / conflict" next to the pipeline name.
import type { SaveStatus } from "./use-autosave";

const TEXT: Record<SaveStatus["state"], string> = {
  saved: "saved",
  pending: "unsaved changes",
  saving: "saving…",
  offline: "offline — draft kept locally",
  conflict: "conflict",
  error: "not saved",
};

export function SaveIndicator({ status, restored }: { status: SaveStatus; restored: boolean }) {
  return (
    <span className={`sc-save sc-save--${status.state}`} data-testid="save-state" data-state={status.state} title={status.message}>
      <span className="sc-save__dot" />
      {TEXT[status.state]}
      {status.message && status.state !== "offline" ? `: ${status.message}` : ""}
      {restored && status.state === "saved" ? " (restored local draft)" : ""}
    </span>
  );
}
