// A TaskManager log line of a TS UDF (jvm-runner WorkerProcess.logLine) read back for the run's log view.
import { describe, expect, it } from "vitest";
import { parseUdfLogLine } from "./taskmanager-logs";

const job = "0123456789abcdef0123456789abcdef";

describe("parseUdfLogLine", () => {
  it("takes the UDF, level, time and the text with its escapes undone, whatever the log layout puts before it", () => {
    const line = `2026-12-07 16:00:00,123 INFO  io.streamcanvas.udf [] - [udf my udf job ${job} warn 1765123200123] a\\nb \\\\n c\\r`;
    expect(parseUdfLogLine(line, job)).toEqual({ udf: "my udf", level: "warn", time: 1765123200123, line: "a\nb \\n c\r" });
  });

  it("skips other jobs' lines and lines that are not a UDF's", () => {
    expect(parseUdfLogLine(`[udf x job ${"f".repeat(32)} info 1] hi`, job)).toBeNull();
    expect(parseUdfLogLine("16:00:00,123 INFO  o.a.f.r.t.Task - Source: seq (1/2) switched to RUNNING", job)).toBeNull();
    expect(parseUdfLogLine("[udf x] no job named", job)).toBeNull();
  });
});
