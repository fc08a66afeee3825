// Test harness: services on a temp dir with a given runner command, and a tRPC caller over them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCaller } from "@/server/api/root";
import { createServices, type Services } from "@/server/services";
import type { RunnerCommand } from "@/server/runner/spawn";

export const fakeRunnerCommand = (): RunnerCommand => ({
  command: process.execPath,
  args: [path.join(import.meta.dirname, "..", "..", "runner", "testing", "fake-runner.mjs")],
  cwd: process.cwd(),
});

export type Harness = { dir: string; services: Services; caller: ReturnType<typeof createCaller>; close(): Promise<void> };

export function makeHarness(o: { command?: () => RunnerCommand; examplesDir?: string; startRunner?: boolean } = {}): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-api-"));
  const services = createServices({
    dataDir: dir, examplesDir: o.examplesDir ?? path.join(dir, "no-examples"), command: o.command, log: () => {},
  });
  if (o.startRunner) void services.supervisor.start();
  return {
    dir, services, caller: createCaller({ services }),
    async close() {
      services.tracker.dispose();
      await services.supervisor.stop();
      services.store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
