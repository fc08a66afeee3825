// Choices made before a run: parallelism and checkpoint interval (empty = the runner's defaults).
"use client";

export type RunOptions = { parallelism?: number; checkpointIntervalMs?: number };

const int = (v: string) => (v.trim() === "" || !Number.isFinite(Number(v)) ? undefined : Math.round(Number(v)));

export function RunOptionsFields({ value, onChange, disabled }: { value: RunOptions; onChange: (v: RunOptions) => void; disabled: boolean }) {
  return (
    <span className="sc-runopts">
      <label title="Flink parallelism of the job (default 1)">
        par. <input type="number" min={1} max={64} data-testid="run-parallelism" disabled={disabled}
          value={value.parallelism ?? ""} placeholder="1"
          onChange={(e) => onChange({ ...value, parallelism: int(e.target.value) })} />
      </label>
      <label title="Checkpoint interval in seconds (empty: no periodic checkpoints). With checkpoints on, collected rows show up at each checkpoint.">
        ckpt s <input type="number" min={1} data-testid="run-checkpoint-interval" disabled={disabled}
          value={value.checkpointIntervalMs === undefined ? "" : value.checkpointIntervalMs / 1000} placeholder="off"
          onChange={(e) => {
            const s = int(e.target.value);
            onChange({ ...value, checkpointIntervalMs: s === undefined ? undefined : s * 1000 });
          }} />
      </label>
    </span>
  );
}
