// <dataDir>/runner.json: where the server's runner listens, so a restarted server or the CLI can find and reuse it.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const RunnerFileSchema = z.object({
  port: z.number().int(), pid: z.number().int(), secret: z.string(),
  flinkRestUrl: z.string().nullable(), flinkRestCredential: z.string().nullable().optional(), startedAt: z.number(),
});
export type RunnerFile = z.infer<typeof RunnerFileSchema>;

export const runnerFilePath = (dataDir: string) => path.join(dataDir, "runner.json");

export function readRunnerFile(dataDir: string): RunnerFile | undefined {
  try {
    const r = RunnerFileSchema.safeParse(JSON.parse(fs.readFileSync(runnerFilePath(dataDir), "utf8")));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written with mode 0600 (it holds the runner's secret), via a temp file so readers never see half a file. */
export function writeRunnerFile(dataDir: string, info: RunnerFile): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = `${runnerFilePath(dataDir)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, runnerFilePath(dataDir));
}

/** Removes the file only if it still describes the given runner (another server may have replaced it). */
export function removeRunnerFile(dataDir: string, pid: number): void {
  if (readRunnerFile(dataDir)?.pid === pid) fs.rmSync(runnerFilePath(dataDir), { force: true });
}
