// The runner dies mid-job: the page says so, marks the run LOST, names it once the runner is back, and runs again.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { connect, dragKind, startRun, waitForRunner } from "./helpers";

test("a runner crash is reported with the lost run, and the restarted runner takes new runs", async ({ page }) => {
  // playwright.config.ts always sets it for the server it starts; against an external server it must be given
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("set E2E_DATA_DIR to the data dir of the server under test (its runner.json names the runner to kill)");
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "datagen", { x: 150, y: 150 });
  await dragKind(page, "collect", { x: 450, y: 150 });
  await connect(page, "handle-datagen_1-out-out", "handle-collect_1-in-in");
  await waitForRunner(page);
  await startRun(page);
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  const jobId = (await page.getByTestId("job-id").textContent())!;

  const { pid } = JSON.parse(fs.readFileSync(path.resolve(dataDir!, "runner.json"), "utf8")) as { pid: number };
  process.kill(pid, "SIGKILL");

  await expect(page.getByTestId("runner-banner")).toHaveAttribute("data-state", "restarting");
  await expect(status).toHaveAttribute("data-status", "LOST");
  await waitForRunner(page);
  await expect(page.getByTestId("runner-banner")).toContainText(jobId);

  await startRun(page);
  await expect(status).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  await expect(page.getByTestId("rows-table").getByTestId("cell-id").first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("stop-button").click();
  await expect(status).toHaveAttribute("data-status", "CANCELED", { timeout: 60_000 });
});
