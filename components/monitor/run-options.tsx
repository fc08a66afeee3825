// The pipeline's run settings in the run panel: parallelism and checkpoints inline, the rest under ⚙; saved with the graph.
"use client";
import { useState } from "react";
import { useCanvas } from "@/components/canvas/store-context";
import { NumberField } from "@/components/ui/number-field";
import {
  CHECKPOINT_MODES, effectiveRestart, FLINK_RESTART_DEFAULTS, RESTART_TYPES, STATE_BACKENDS, type RestartStrategy, type RunSettings,
} from "@/pipeline/run-settings";
import { describeRestart, RESTART_PARAMS } from "./run-settings-text";

const DAY_MS = 86_400_000;

export function RunOptionsFields({ disabled }: { disabled: boolean }) {
  const settings = useCanvas((s) => s.settings);
  const setSettings = useCanvas((s) => s.setSettings);
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<RunSettings>) => setSettings({ ...settings, ...patch });
  return (
    <span className="sc-runopts" title="Run settings are saved with the pipeline; they apply at the next run, resume, restart or redeploy">
      <label title="Flink parallelism of the job">
        par. <NumberField testId="run-parallelism" value={settings.parallelism} min={1} max={64} disabled={disabled}
          onCommit={(v) => set({ parallelism: v ?? 1 })} />
      </label>
      <label title="Checkpoint interval in seconds (empty: no periodic checkpoints). With checkpoints on, collected rows show up at each checkpoint.">
        ckpt s <NumberField testId="run-checkpoint-interval" value={settings.checkpointIntervalMs} scale={1000} min={100} max={3_600_000}
          nullable placeholder="off" disabled={disabled} onCommit={(v) => set({ checkpointIntervalMs: v })} />
      </label>
      <span className="sc-runopts__more">
        <button type="button" className="sc-button" data-testid="run-settings-toggle" aria-expanded={open} onClick={() => setOpen(!open)}
          title="Checkpoint mode, restart strategy, state backend, state TTL, source idle timeout">⚙ settings</button>
        {open && <MoreSettings settings={settings} set={set} disabled={disabled} />}
      </span>
    </span>
  );
}

function MoreSettings({ settings, set, disabled }: { settings: RunSettings; set: (p: Partial<RunSettings>) => void; disabled: boolean }) {
  const restart = settings.restartStrategy;
  return (
    <div className="sc-runopts__panel" data-testid="run-settings-panel">
      <label>checkpoint mode
        <select data-testid="run-checkpoint-mode" value={settings.checkpointMode} disabled={disabled}
          onChange={(e) => set({ checkpointMode: e.target.value as RunSettings["checkpointMode"] })}>
          {CHECKPOINT_MODES.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label>restart strategy
        <select data-testid="run-restart-strategy" value={restart?.type ?? "default"} disabled={disabled}
          onChange={(e) => set({ restartStrategy: e.target.value === "default" ? null : FLINK_RESTART_DEFAULTS[e.target.value as RestartStrategy["type"]] })}>
          <option value="default">Flink&apos;s default</option>
          {RESTART_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      {restart ? <RestartParams restart={restart} onChange={(r) => set({ restartStrategy: r })} disabled={disabled} />
        : <span className="sc-muted" data-testid="run-restart-default">{describeRestart(effectiveRestart(settings))}</span>}
      <label>state backend
        <select data-testid="run-state-backend" value={settings.stateBackend} disabled={disabled}
          onChange={(e) => set({ stateBackend: e.target.value as RunSettings["stateBackend"] })}>
          {STATE_BACKENDS.map((b) => <option key={b} value={b}>{b === "rocksdb" ? "RocksDB" : "hashmap (heap)"}</option>)}
        </select>
      </label>
      <label title="table.exec.state.ttl: state of keys idle this long is dropped (empty: kept until the job ends)">state TTL s
        <NumberField testId="run-state-ttl" value={settings.stateTtlMs} scale={1000} min={1} max={365 * DAY_MS} nullable placeholder="none"
          disabled={disabled} onCommit={(v) => set({ stateTtlMs: v })} />
      </label>
      <label title="table.exec.source.idle-timeout: a source split without rows this long stops holding the watermark back">source idle s
        <NumberField testId="run-idle-timeout" value={settings.sourceIdleTimeoutMs} scale={1000} min={1} max={DAY_MS} nullable placeholder="none"
          disabled={disabled} onCommit={(v) => set({ sourceIdleTimeoutMs: v })} />
      </label>
    </div>
  );
}

function RestartParams({ restart, onChange, disabled }: { restart: RestartStrategy; onChange: (r: RestartStrategy) => void; disabled: boolean }) {
  const values = restart as unknown as Record<string, number>;
  return (
    <span className="sc-runopts__params">
      {RESTART_PARAMS[restart.type].map((p) => (
        <label key={p.key}>{p.label}{p.unit && ` ${p.unit}`}
          <NumberField testId={`run-restart-${p.key}`} value={values[p.key]!} scale={p.scale} integer={p.integer} min={p.min} max={p.max}
            disabled={disabled} onCommit={(v) => v !== null && onChange({ ...restart, [p.key]: v } as RestartStrategy)} />
        </label>
      ))}
    </span>
  );
}
