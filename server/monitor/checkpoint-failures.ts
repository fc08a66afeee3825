// Why a job's checkpoints failed, as the runner's log says it: Flink counts a checkpoint that failed before it
// started (e.g. not all tasks running yet) but keeps no entry, and so no message, for it in its checkpoint history.

/** Flink's CheckpointFailureManager lines (runner log), job id in group "job". */
const NOT_TRIGGERED = /Failed to trigger checkpoint for job (?<job>[0-9a-f]{32}) since (?<why>.+?)\.?$/;
const FAILED = /Failed to trigger or complete checkpoint (?<id>\S+) for job (?<job>[0-9a-f]{32})\./;
/** the exception line slf4j prints after FAILED: "org.apache.flink.runtime.checkpoint.CheckpointException: <why>" */
const EXCEPTION = /^\s*(?:[\w$.]+\.)?(?<name>\w*Exception): (?<why>.+)$/;
const KEEP = 200;

export type CheckpointFailureNote = { at: number; message: string };

export class CheckpointFailureLog {
  private last = new Map<string, CheckpointFailureNote>();
  private waiting: { job: string; id: string } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Reads one runner log line. */
  feed(line: string): void {
    const waiting = this.waiting;
    this.waiting = null;
    const x = waiting && EXCEPTION.exec(line);
    if (waiting && x?.groups) return this.note(waiting.job, `checkpoint ${waiting.id}: ${x.groups.why}`);
    const n = NOT_TRIGGERED.exec(line);
    if (n?.groups) return this.note(n.groups.job!, `not triggered: ${n.groups.why}`);
    const f = FAILED.exec(line);
    if (f?.groups) {
      this.waiting = { job: f.groups.job!, id: f.groups.id! };
      this.note(f.groups.job!, `checkpoint ${f.groups.id} failed (the runner's log gives no cause)`);
    }
  }

  /** The newest reason the runner's log gave for a failed checkpoint of the job. */
  reason(jobId: string): CheckpointFailureNote | null {
    return this.last.get(jobId) ?? null;
  }

  private note(job: string, message: string): void {
    this.last.delete(job);
    this.last.set(job, { at: this.now(), message: message.slice(0, 1_000) });
    // the oldest jobs' notes go first
    if (this.last.size > KEEP) this.last.delete(this.last.keys().next().value!);
  }
}
