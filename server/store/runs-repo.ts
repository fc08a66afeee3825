// Runs table: one row per Run click, updated by the run's poller; the source of RunInfo for the API.
import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { isTerminal, type RunState, TERMINAL_RUN_STATES } from "@/server/states";
import { RunSettingsSchema, type RunSettings } from "@/pipeline/run-settings";

export type RunStatus = RunState;
export type RunError = { message: string; rootCause: string | null };
export type SinkResult = { columns: { name: string; type: string }[]; rows: { kind: string; values: unknown[] }[]; total: number };
export type RunInfo = {
  id: string; pipelineId: string; jobId: string | null; status: RunStatus; error: RunError | null;
  startedAt: number; endedAt: number | null; sinks: Record<string, SinkResult>;
  /** the settings the run ran with; null for runs from before they were kept */
  settings: RunSettings | null;
  /** each time the run's job was resubmitted from its latest checkpoint after the runner died, oldest first */
  resumes: RunResume[];
  /** the Flink target it ran on (server/targets/); null: the embedded cluster */
  target: string | null;
};
/** The run's job went with the runner and was started again from a retained checkpoint. */
export type RunResume = { at: number; fromJobId: string | null; checkpoint: string };
/** What the API sends: the run with the server's word on whether it is over (server/states.ts). */
export type RunView = RunInfo & { ended: boolean };
export const viewRun = (r: RunInfo): RunView => ({ ...r, ended: isTerminal(r.status) });

type Row = {
  id: string; pipeline_id: string; job_id: string | null; status: string; error_json: string | null;
  sinks_json: string; started_at: number; ended_at: number | null; settings_json: string | null; resumes_json: string | null;
  target: string | null;
};
const toInfo = (r: Row): RunInfo => ({
  id: r.id, pipelineId: r.pipeline_id, jobId: r.job_id, status: r.status as RunStatus,
  error: r.error_json ? (JSON.parse(r.error_json) as RunError) : null,
  startedAt: r.started_at, endedAt: r.ended_at, sinks: JSON.parse(r.sinks_json) as Record<string, SinkResult>,
  settings: r.settings_json ? RunSettingsSchema.parse(JSON.parse(r.settings_json)) : null,
  resumes: r.resumes_json ? (JSON.parse(r.resumes_json) as RunResume[]) : [],
  target: r.target ?? null,
});

export type RunPatch = Partial<Pick<RunInfo, "jobId" | "status" | "error" | "sinks" | "endedAt" | "resumes">>;

export function createRunsRepo(db: Database.Database, now = () => Date.now()) {
  const get = (id: string): RunInfo | undefined => {
    const r = db.prepare("SELECT * FROM runs WHERE id = ?").get(id) as Row | undefined;
    return r && toInfo(r);
  };
  return {
    get,
    create(pipelineId: string, settings: RunSettings | null = null, target: string | null = null): RunInfo {
      const id = randomUUID();
      db.prepare("INSERT INTO runs (id, pipeline_id, status, started_at, settings_json, target) VALUES (?, ?, 'SUBMITTING', ?, ?, ?)")
        .run(id, pipelineId, now(), settings && JSON.stringify(settings), target);
      return get(id)!;
    },
    list(pipelineId?: string): RunInfo[] {
      const rows = pipelineId
        ? db.prepare("SELECT * FROM runs WHERE pipeline_id = ? ORDER BY started_at DESC, rowid DESC").all(pipelineId)
        : db.prepare("SELECT * FROM runs ORDER BY started_at DESC, rowid DESC").all();
      return (rows as Row[]).map(toInfo);
    },
    /** Runs not yet in a terminal state: the ones a poller or a reconcile must look after. */
    active(): RunInfo[] {
      const rows = db.prepare(`SELECT * FROM runs WHERE status NOT IN (${TERMINAL_RUN_STATES.map(() => "?").join(", ")})`).all(...TERMINAL_RUN_STATES) as Row[];
      return rows.map(toInfo);
    },
    /** Applies a patch; a terminal status sets ended_at once. Returns the updated run. */
    update(id: string, patch: RunPatch): RunInfo | undefined {
      const cur = get(id);
      if (!cur) return undefined;
      const next: RunInfo = { ...cur, ...patch };
      if (isTerminal(next.status) && next.endedAt === null) next.endedAt = now();
      db.prepare("UPDATE runs SET job_id = ?, status = ?, error_json = ?, sinks_json = ?, ended_at = ?, resumes_json = ? WHERE id = ?").run(
        next.jobId, next.status, next.error ? JSON.stringify(next.error) : null, JSON.stringify(next.sinks), next.endedAt,
        next.resumes.length ? JSON.stringify(next.resumes) : null, id,
      );
      return next;
    },
  };
}
export type RunsRepo = ReturnType<typeof createRunsRepo>;
