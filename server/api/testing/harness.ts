// Test harness: services on a temp dir with a given runner command, and a tRPC caller over them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createCaller } from "@/server/api/root";
import { createServices, type Services } from "@/server/services";
import type { PipelineGraph } from "@/pipeline/graph";
import type { RunnerCommand } from "@/server/runner/spawn";
import type { RunInfo } from "@/server/store/runs-repo";
import type { JobSnapshot } from "@/server/monitor/types";

export const fakeRunnerCommand = (): RunnerCommand => ({
  command: process.execPath,
  args: [path.join(import.meta.dirname, "..", "..", "runner", "testing", "fake-runner.mjs")],
  cwd: process.cwd(),
});

export type Harness = { dir: string; services: Services; caller: ReturnType<typeof createCaller>; close(): Promise<void> };

export function makeHarness(o: { command?: () => RunnerCommand; examplesDir?: string; startRunner?: boolean; log?: (line: string) => void } = {}): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-api-"));
  const services = createServices({
    dataDir: dir, dataRoot: path.join(dir, "files"), examplesDir: o.examplesDir ?? path.join(dir, "no-examples"), command: o.command, log: o.log ?? (() => {}),
  });
  if (o.startRunner) void services.supervisor.start();
  return {
    dir, services, caller: createCaller({ services }),
    async close() {
      services.tracker.dispose();
      await services.previews.dispose();
      services.monitor.dispose();
      await services.supervisor.stop();
      services.store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The preamble of a test file on the real jvm-runner: refuses to run when it is not built, and gives a harness whose
 * runner is up before the file's tests (started in beforeAll, closed in afterAll). Call at the top level of the file.
 */
export function realRunnerHarness(o: { log?: (line: string) => void } = {}): Harness {
  if (!fs.existsSync(path.resolve("jvm-runner/target/lib"))) {
    throw new Error("jvm-runner is not built: run `mvn -B -q -f jvm-runner/pom.xml package -DskipTests` (or npm run build) first");
  }
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, makeHarness({ startRunner: true, log: o.log }));
    await h.services.supervisor.whenReady(180_000);
  });
  afterAll(() => h.close?.());
  return h;
}

type Caller = Harness["caller"];

/** Creates a pipeline and saves the graph into it; returns its id. */
export async function createPipeline(caller: Caller, graph: PipelineGraph): Promise<string> {
  const { id } = await caller.pipelines.create({});
  await caller.pipelines.save({ id, graph, baseRevision: 1 });
  return id;
}

/** Every RunInfo runs.watch yields, up to and including the first that `done` accepts. */
export async function watchUntil(caller: Caller, runId: string, done: (r: RunInfo) => boolean): Promise<RunInfo[]> {
  const seen: RunInfo[] = [];
  for await (const r of await caller.runs.watch({ runId })) {
    seen.push(r);
    if (done(r)) break;
  }
  return seen;
}

/** The job page's snapshots until `done` accepts one (returned), or the last one seen when `timeoutMs` runs out. */
export async function snapshotUntil(h: Harness, jobId: string, done: (s: JobSnapshot) => boolean, timeoutMs: number): Promise<JobSnapshot | undefined> {
  let last: JobSnapshot | undefined;
  for await (const s of h.services.monitor.watchJob(jobId, AbortSignal.timeout(timeoutMs))) {
    last = s;
    if (done(s)) return s;
  }
  return last;
}
