// Checkpoint failure reasons: from Flink's history when it has one, else from the runner's log lines, else none.
import { describe, expect, it } from "vitest";
import { CheckpointFailureLog } from "./checkpoint-failures";
import { checkpointSummary } from "./job-extras";
import type { Checkpoints } from "./flink-schemas";

const JOB = "0123456789abcdef0123456789abcdef";
const OTHER = "fedcba9876543210fedcba9876543210";
const counts = (failed: number) => ({ restored: 0, total: failed, in_progress: 0, completed: 0, failed });

describe("CheckpointFailureLog", () => {
  it("reads Flink's 'not triggered' line (INFO) per job", () => {
    const log = new CheckpointFailureLog(() => 7);
    log.feed(`10:22:56.194 INFO CheckpointFailureManager - Failed to trigger checkpoint for job ${JOB} since Checkpoint triggering task Source: readings[1] (1/1) of job ${JOB} is not being executed at the moment. Aborting checkpoint. Failure reason: Not all required tasks are currently running..`);
    expect(log.reason(JOB)?.message).toMatch(/^not triggered: Checkpoint triggering task Source: readings\[1\] .* is not being executed at the moment/);
    expect(log.reason(JOB)?.at).toBe(7);
    expect(log.reason(OTHER)).toBeNull();
  });

  it("reads the WARN line and the exception printed under it", () => {
    const log = new CheckpointFailureLog();
    log.feed(`10:22:56.194 WARN CheckpointFailureManager - Failed to trigger or complete checkpoint 3 for job ${JOB}. (1 consecutive failed attempts so far)`);
    expect(log.reason(JOB)?.message).toBe("checkpoint 3 failed (the runner's log gives no cause)");
    log.feed("org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint expired before completing.");
    expect(log.reason(JOB)?.message).toBe("checkpoint 3: Checkpoint expired before completing.");
    log.feed("\tat org.apache.flink.runtime.checkpoint.CheckpointCoordinator.abort(CheckpointCoordinator.java:2200)");
    expect(log.reason(JOB)?.message).toBe("checkpoint 3: Checkpoint expired before completing.");
  });
});

describe("checkpointSummary's last failure", () => {
  const logged = { at: 1, message: "not triggered: Not all required tasks are currently running" };

  it("is Flink's message when its history has one", () => {
    const c: Checkpoints = { counts: counts(1), latest: { failed: { id: 2, failure_message: "Checkpoint was declined" } } };
    expect(checkpointSummary(c, logged)).toMatchObject({ lastFailure: "Checkpoint was declined", lastFailureFrom: "flink" });
    const older: Checkpoints = { counts: counts(2), latest: { failed: { id: 3 } }, history: [{ id: 3, status: "FAILED" }, { id: 2, status: "FAILED", failure_message: "declined" }] };
    expect(checkpointSummary(older)).toMatchObject({ lastFailure: "declined", lastFailureFrom: "flink" });
  });

  it("is the runner's log line when Flink counts a failure but has no message", () => {
    const c: Checkpoints = { counts: counts(1), latest: { failed: null } };
    expect(checkpointSummary(c, logged)).toMatchObject({ failed: 1, lastFailure: logged.message, lastFailureFrom: "runner-log" });
  });

  it("is none when neither says anything, or nothing failed", () => {
    expect(checkpointSummary({ counts: counts(1), latest: {} })).toMatchObject({ failed: 1, lastFailure: null, lastFailureFrom: null });
    expect(checkpointSummary({ counts: counts(0), latest: {} }, logged)).toMatchObject({ lastFailure: null, lastFailureFrom: null });
  });
});
