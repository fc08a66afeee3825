// Flink targets: the stage's real standalone cluster (1 JobManager, 2 TaskManagers × 2 slots) added on the Targets page
// by typing its address, Tested (version, TaskManagers, slots), then an example run on it from the run panel at
// parallelism 4: the run, the pipeline list and the jobs list say where it ran, and its job page shows the subtasks
// placed on both TaskManagers, each with records.
import { expect, test, type Page } from "@playwright/test";
import { testFlinkUrl } from "../server/testing/flink-env";
import { selectNode, startRun, waitForRunner, waitSaved } from "./helpers";

async function typeInto(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

test("add a target, Test it, run an example on it and see the job spread over both TaskManagers", async ({ page }) => {
  const url = testFlinkUrl();
  const token = "sc-e2e-bearer-3d7f";
  const answers: string[] = [];
  page.on("response", async (r) => {
    if (r.url().includes("/api/trpc")) answers.push(await r.text().catch(() => ""));
  });
  await page.goto("/");
  await page.getByTestId("nav-targets").click();
  await expect(page.getByTestId("targets-page")).toBeVisible();
  await expect(page.locator("[data-testid=target-row][data-name=embedded]")).toHaveAttribute("data-default", "true");

  await page.getByTestId("target-new").click();
  await typeInto(page, "target-name", "stage");
  await typeInto(page, "target-url", `${url}/`);
  await page.getByTestId("target-save").click();
  const row = page.locator("[data-testid=target-row][data-name=stage]");
  await expect(row.getByTestId("target-row-url")).toHaveText(url);
  await expect(row.getByTestId("target-last-test")).toContainText("not tested");
  await row.getByTestId("target-test").click();
  await expect(row.getByTestId("target-last-test")).toHaveAttribute("data-state", "ok", { timeout: 30_000 });
  await expect(row.getByTestId("target-test-message")).toHaveText(/^Flink 2\.3\.\d+: 2 TaskManagers, \d of 4 slots free$/);
  await expect(row.getByTestId("target-test-figures")).toHaveAttribute("data-task-managers", "2");
  // kept: the page shows the last Test after a reload
  await page.reload();
  await expect(row.getByTestId("target-last-test")).toHaveAttribute("data-state", "ok");
  // a bearer token: sealed, never sent back; the form says it is saved, and an edit that types none keeps it
  await row.getByTestId("target-edit").click();
  await page.getByTestId("target-auth").selectOption("bearer");
  await typeInto(page, "target-token", token);
  await page.getByTestId("target-save").click();
  await expect(page.getByTestId("target-form")).toBeHidden();
  await page.reload();
  await row.getByTestId("target-edit").click();
  await expect(page.getByTestId("target-auth")).toHaveValue("bearer");
  await expect(page.getByTestId("target-token")).toHaveValue("");
  await expect(page.getByTestId("target-token")).toHaveAttribute("placeholder", "saved; type to replace");
  await page.getByTestId("target-save").click();
  await expect(row).toContainText("Bearer header");
  // the stage cluster takes any header: Test still reaches it, now with the token
  await row.getByTestId("target-test").click();
  await expect(row.getByTestId("target-last-test")).toHaveAttribute("data-state", "ok", { timeout: 30_000 });

  // the TypeScript map example, 4 subtasks over the 2 × 2 slots, on the target picked in the run panel
  await page.goto("/");
  await page.getByTestId("from-example").click();
  await page.getByTestId("example-ts-map-enrich.json").click();
  await expect(page.getByTestId("node-enrich")).toBeVisible();
  await waitForRunner(page);
  await typeInto(page, "run-parallelism", "4");
  await page.keyboard.press("Tab");
  await waitSaved(page);
  await page.getByTestId("run-target").selectOption("stage");
  // a preview on the picked target says it ran there
  await selectNode(page, "enrich");
  await page.getByTestId("preview-button").click();
  await expect(page.getByTestId("preview-panel")).toHaveAttribute("data-phase", "done", { timeout: 60_000 });
  await expect(page.getByTestId("preview-cluster")).toHaveAttribute("data-cluster", "stage");
  await expect(page.getByTestId("preview-cluster")).toContainText(url);
  await page.getByTestId("tab-results").click();
  await startRun(page);
  await expect(page.getByTestId("run-target-of")).toHaveAttribute("data-target", "stage");
  await expect(page.getByTestId("run-status")).toHaveText("FINISHED", { timeout: 120_000 });
  const pipelineId = new URL(page.url()).pathname.split("/").pop()!;

  await page.getByTestId("job-page-link").click();
  await expect(page.getByTestId("job-page")).toBeVisible();
  const jobId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("job-target")).toHaveAttribute("data-target", "stage");
  await page.getByTestId("taskmanagers-toggle").click();
  const panel = page.getByTestId("taskmanagers-panel");
  await expect(panel).toHaveAttribute("data-taskmanagers", "2", { timeout: 30_000 });
  // the vertex of the source chained with the TS map has 4 subtasks: placed on both TaskManagers, each with records out
  const rows = await panel.locator("[data-testid=taskmanager-row]").evaluateAll((els) => els.map((e) => ({
    vertex: e.getAttribute("data-vertex")!, tm: e.getAttribute("data-taskmanager")!,
    subtasks: e.getAttribute("data-subtasks")!.split(","), out: Number(e.getAttribute("data-records-out")),
  })));
  const vertices = [...new Set(rows.map((r) => r.vertex))].map((v) => rows.filter((r) => r.vertex === v));
  const wide = vertices.filter((v) => v.flatMap((r) => r.subtasks).length === 4);
  expect(wide.length, JSON.stringify(rows)).toBeGreaterThan(0);
  for (const v of wide) {
    expect(new Set(v.map((r) => r.tm)).size, JSON.stringify(v)).toBe(2);
    expect(v.flatMap((r) => r.subtasks).sort()).toEqual(["0", "1", "2", "3"]);
    for (const r of v) expect(r.out, JSON.stringify(r)).toBeGreaterThan(0);
  }
  // the jobs list and the pipeline list say where it ran
  await page.getByTestId("nav-jobs").click();
  await expect(page.locator(`[data-testid=job-row][data-job-id="${jobId}"]`).getByTestId("job-target")).toHaveText("stage");
  await page.goto("/");
  await expect(page.getByTestId(`last-run-target-${pipelineId}`)).toHaveText("on stage");
  for (const a of answers) expect(a).not.toContain(token);
});
