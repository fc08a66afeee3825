// Why a task failed, as its TaskManager's log says it, for the failures Flink's exception history records only as a
// lost TaskManager. Flink 2.3's Kafka writer throws its send error a second time while its failed task cleans up; the
// task's handler treats that as fatal, the TaskManager goes down, and the job's history says only "The TaskExecutor is
// shutting down". The TaskManager logged both exceptions first: the task's own failure and the one that brought it down.

/** Task's state change (WARN), `<task> (<attempt id>) switched from RUNNING to FAILED with failure cause:` */
const FAILED = /\s-\s(?<task>\S.*?) \((?<attempt>[0-9a-f]{32}_[0-9a-f]{32}_\d+_\d+)\) switched from \w+ to FAILED with failure cause:/;
/** Task's handler (ERROR), `FATAL - exception in exception handler of task <task> (<attempt id>).` */
const FATAL = /FATAL - exception in exception handler of task (?<task>.+?) \((?<attempt>[0-9a-f]{32}_[0-9a-f]{32}_\d+_\d+)\)\./;
/** a line of the exception an slf4j or log4j line carries after its message */
const CONTINUES = /^(\s|Caused by: |Suppressed: )/;
/** Flink's history entry for a failure it saw only as its TaskManager going away */
const LOST_TASK_MANAGER = /The TaskExecutor is shutting down|TaskManager with id \S+ is no longer reachable|Connection to the TaskManager \S+ was lost/;
const KEEP = 200;
const MAX_STACK = 8_000;
/** how long before Flink's entry the log's failure may be (the JobManager notices a lost TaskManager after it happened) */
const BEFORE_MS = 120_000;
const AFTER_MS = 5_000;

export type TaskFailureNote = {
  /** the task's name without its subtask, e.g. `Source: src[1] -> out[4]: Writer` */
  task: string; attempt: string; at: number;
  /** the task's JobVertexID (the attempt id's second part), for a history entry that names no task */
  vertex: string;
  /** the exception the task failed with */
  failure: string | null;
  /** the exception its failure handler threw, which took the TaskManager down */
  fatal: string | null;
};

/** TaskFailureLog.find: a task's logged failure around a time, by task name or (none) by the job's vertex ids. */
export type TaskFailureFinder = (task: string | null, at: number, vertices: string[]) => TaskFailureNote | null;

/** `X (1/2)#0` (log) and `X (1/2) - execution #0` (history) name the same task `X`. */
export const taskOf = (name: string) => name.replace(/ \(\d+\/\d+\)(#\d+| - execution #\d+)?$/, "");

/** Whether a failure's root cause is Flink's record of a lost TaskManager rather than a task's own failure. */
export const isLostTaskManager = (rootCause: string) => LOST_TASK_MANAGER.test(rootCause);

export class TaskFailureLog {
  private notes = new Map<string, TaskFailureNote>();
  private reading: { note: TaskFailureNote; field: "failure" | "fatal"; lines: string[]; size: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Reads one log line (the runner's, or a TaskManager log file's). */
  feed(line: string): void {
    const r = this.reading;
    if (r && (r.lines.length === 0 || CONTINUES.test(line))) {
      // past the budget frames are dropped but every cause is kept: the deepest one is what the page leads with
      if (r.size < MAX_STACK || (!/^\s/.test(line) && r.size < 2 * MAX_STACK)) {
        r.lines.push(line);
        r.size += line.length + 1;
        // kept as it grows: a log may say nothing more after a task's last exception for a long time
        r.note[r.field] = r.lines.join("\n");
      }
      return;
    }
    this.reading = null;
    const failed = FAILED.exec(line);
    const fatal = failed ? null : FATAL.exec(line);
    const m = failed ?? fatal;
    if (!m?.groups) return;
    const attempt = m.groups.attempt!;
    const note = this.notes.get(attempt) ?? {
      task: taskOf(m.groups.task!), attempt, vertex: attempt.split("_")[1]!, at: this.now(), failure: null, fatal: null,
    };
    this.notes.delete(attempt);
    this.notes.set(attempt, note);
    if (this.notes.size > KEEP) this.notes.delete(this.notes.keys().next().value!);
    const field = fatal ? "fatal" : "failure";
    // Flink's Task and TaskExecutor both log the fatal exception: the first is kept
    this.reading = note[field] === null ? { note, field, lines: [], size: 0 } : null;
  }

  /**
   * The log's failure of `task` around `at` (a history entry's time), or, when the entry names no task (a TaskManager
   * lost with no restart left), of a task of one of the job's `vertices`: the newest one whose handler took the
   * TaskManager down. A plain failure is never the answer: Flink recorded that one itself, and a TaskManager lost later
   * (killed, out of memory) is not explained by it.
   */
  find(task: string | null, at: number, vertices: string[]): TaskFailureNote | null {
    const name = task && taskOf(task);
    let found: TaskFailureNote | null = null;
    for (const n of this.notes.values()) {
      if (n.fatal && (name ? n.task === name : vertices.includes(n.vertex)) && n.at >= at - BEFORE_MS && n.at <= at + AFTER_MS) found = n;
    }
    return found;
  }
}
