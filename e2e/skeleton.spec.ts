// The walking skeleton in a real browser: build datagen → filter → collect by hand, run bounded and unbounded, reload.
import { expect, test } from "@playwright/test";
import { connect, dragKind, selectNode, startRun, typeText, waitForRunner, waitSaved } from "./helpers";

test("draw, validate, run bounded and unbounded, stop, and survive a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await expect(page).toHaveURL(/\/pipelines\/[^/]+$/);
  await expect(page.getByTestId("canvas")).toBeVisible();
  await page.getByTestId("pipeline-name").fill("Skeleton e2e");

  // A fresh pipeline names its nodes <kind>_1.
  await dragKind(page, "datagen", { x: 120, y: 140 });
  await dragKind(page, "filter", { x: 380, y: 140 });
  await dragKind(page, "collect", { x: 620, y: 140 });
  for (const id of ["datagen_1", "filter_1", "collect_1"]) await expect(page.getByTestId(`node-${id}`)).toBeVisible();

  // Unconnected inputs are errors on the nodes themselves, and Run is disabled while any error remains.
  await expect(page.getByTestId("node-error-filter_1")).toBeVisible();
  await expect(page.getByTestId("run-button")).toBeDisabled();

  await connect(page, "handle-datagen_1-out-out", "handle-filter_1-in-in");
  await connect(page, "handle-filter_1-out-out", "handle-collect_1-in-in");
  await expect(page.getByTestId("node-error-collect_1")).toHaveCount(0);
  await expect(page.getByTestId("edge-label-e_datagen_1_out_filter_1_in")).toContainText("id BIGINT");

  // An unknown column is an error on the filter; fixing the predicate clears it.
  await selectNode(page, "filter_1");
  await typeText(page, "predicate", "nope > 50");
  await expect(page.getByTestId("node-error-filter_1")).toBeVisible();
  await expect(page.getByTestId("node-error-message-filter_1")).toContainText("nope");
  await expect(page.getByTestId("expr-caret")).toBeVisible();
  await typeText(page, "predicate", "value > 50");
  await expect(page.getByTestId("node-error-filter_1")).toHaveCount(0);
  await expect(page.getByTestId("expr-type-predicate")).toContainText("BOOLEAN");

  // Bounded: 40 rows at 10 rows/s runs for a few seconds, long enough to be seen RUNNING.
  await selectNode(page, "datagen_1");
  await page.getByTestId("field-rowsPerSecond").fill("10");
  await page.getByTestId("field-numberOfRows").fill("40");
  await expect(page.getByTestId("run-button")).toBeEnabled();
  await waitForRunner(page);

  await startRun(page);
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  await expect(page.getByTestId("job-id")).toHaveText(/^[0-9a-f]{32}$/);
  await expect(status).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  const values = await page.getByTestId("rows-table").getByTestId("cell-value").allTextContents();
  expect(values.length).toBeGreaterThan(0);
  for (const v of values) expect(Number(v)).toBeGreaterThan(50);

  // Unbounded: clear the row limit, run, see it RUNNING, stop it.
  await page.getByTestId("field-numberOfRows").fill("");
  await startRun(page);
  await expect(status).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  await expect(page.getByTestId("rows-table").getByTestId("cell-value").first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("stop-button").click();
  await expect(status).toHaveAttribute("data-status", "CANCELED", { timeout: 60_000 });

  // Autosave: after a reload the graph, its edges and the edited config are all still there.
  await waitSaved(page);
  await page.reload();
  for (const id of ["datagen_1", "filter_1", "collect_1"]) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  await expect(page.getByTestId("edge-label-e_filter_1_out_collect_1_in")).toBeVisible();
  await expect(page.getByTestId("pipeline-name")).toHaveValue("Skeleton e2e");
  await selectNode(page, "filter_1");
  await expect(page.getByTestId("field-predicate")).toHaveValue("value > 50");
});
