// Internal job names: made and recognised in one place, and the runner's warm-up job carries the name the list hides.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { internalJobKind, previewJobName, WARMUP_JOB_NAME } from "./internal-jobs";
import { planPreview } from "./preview";
import { graph, seqSource } from "./testing/graphs";

describe("internal jobs", () => {
  it("recognises the warm-up job and previews, and nothing else", () => {
    expect(internalJobKind(WARMUP_JOB_NAME)).toBe("warm-up");
    expect(internalJobKind(previewJobName("src", "orders"))).toBe("preview");
    expect(internalJobKind("orders")).toBeNull();
    expect(internalJobKind("my preview of orders")).toBeNull();
  });

  it("is the name the runner gives its warm-up job", () => {
    const java = fs.readFileSync(path.join(import.meta.dirname, "../jvm-runner/src/main/java/io/streamcanvas/runner/Warmup.java"), "utf8");
    expect(java).toContain(`"name": "${WARMUP_JOB_NAME}"`);
  });

  it("is the name a preview plan gives its job", () => {
    const r = planPreview(graph([seqSource("src"), { id: "out", kind: "collect" }], ["src->out"], "orders"), "src");
    expect(r.ok && internalJobKind(r.plan.program.name)).toBe("preview");
  });
});
