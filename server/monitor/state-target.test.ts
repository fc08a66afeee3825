// Savepoint targets: only local folders under the state dir (links resolved); and a Flink path cannot leave its origin.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SavepointFailed } from "@/server/errors";
import { flinkUrl } from "./flink-http";
import { checkStateTarget } from "./run-control";

describe("checkStateTarget", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-state-"));
  const state = path.join(dir, "flink-state");
  fs.mkdirSync(path.join(state, "savepoints"), { recursive: true });
  fs.symlinkSync(os.tmpdir(), path.join(state, "savepoints", "out"));

  it("accepts folders under the state dir, as a path or a file: URL", () => {
    for (const t of [`${state}/savepoints/p1`, `file://${state}/savepoints/p1/new`, `file:${state}/x`]) {
      expect(() => checkStateTarget(state, t)).not.toThrow();
    }
  });

  it("refuses every other target before Flink is asked, saying the job keeps running", () => {
    const bad = ["/tmp/elsewhere", `file://${state}/../x`, `${state}-sibling/x`, "s3://bucket/sp", "nosuchfs://nowhere",
      `file://otherhost${state}/x`, "relative/dir", `${state}/savepoints/out/x`];
    for (const t of bad) {
      expect(() => checkStateTarget(state, t), t).toThrow(SavepointFailed);
      expect(() => checkStateTarget(state, t), t).toThrow(/refused .*the job keeps running/);
    }
    expect(() => checkStateTarget(undefined, `${state}/x`)).toThrow(/no state folder/);
  });
});

describe("flinkUrl", () => {
  it("keeps every path under the target's origin", () => {
    const t = { url: "https://127.0.0.1:8081" };
    expect(flinkUrl(t, "/jobs/overview?x=1").href).toBe("https://127.0.0.1:8081/jobs/overview?x=1");
    expect(flinkUrl(t, "//evil.example/jobs").href).toBe("https://127.0.0.1:8081/evil.example/jobs");
    expect(flinkUrl({ url: "http://h:1/base/" }, "jobs").href).toBe("http://h:1/base/jobs");
  });
});
