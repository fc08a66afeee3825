// The seeded example: listed on the home page, opens with its nodes and typed edges, runs to FINISHED with rows.
import { expect, test } from "@playwright/test";
import { selectNode, startRun, waitForRunner } from "./helpers";

const EXAMPLE_NODES = ["readings", "too_hot_or_humid", "alert", "alerts", "log"];

test("the seeded example opens from the list with its nodes, and runs", async ({ page }) => {
  await page.goto("/");
  // The list is newest first; the seeded example was the first pipeline of the data dir, so it is the last row.
  const rows = page.getByTestId("pipeline-list").locator("[data-testid^=open-pipeline-]");
  await expect(rows.last()).toBeVisible();
  await rows.last().click();
  await expect(page.getByTestId("pipeline-name")).toHaveValue("Sensor alerts");
  for (const id of EXAMPLE_NODES) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  await expect(page.getByTestId("edge-label-filter-alert")).toContainText("reading_id BIGINT");
  await expect(page.getByTestId("run-blockers")).toHaveCount(0);

  await selectNode(page, "too_hot_or_humid");
  await expect(page.getByTestId("expr-type-predicate")).toContainText("BOOLEAN");
  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  const critical = page.getByTestId("rows-table").getByTestId("cell-critical");
  await expect(critical.first()).toBeVisible();
  const humidity = await page.getByTestId("rows-table").getByTestId("cell-humidity_pct").allTextContents();
  const tempC = await page.getByTestId("rows-table").getByTestId("cell-temperature_c").allTextContents();
  // Every collected row passed the filter: too hot or too humid. The shown values are rounded (DECIMAL(4, 1)) or
  // truncated (INT) from the filtered DOUBLEs, so a row just over a limit may show the limit itself: hence >=.
  expect(humidity.length).toBe(tempC.length);
  humidity.forEach((h, i) => expect(Number(tempC[i]) >= 35 || Number(h) >= 85).toBe(true));

  if (process.env.STREAMCANVAS_SCREENSHOT) {
    await page.screenshot({ path: "docs/screenshot.png" });
  }

  // The same graph as code, generated in the browser from the IR the server submitted.
  await page.getByTestId("tab-code").click();
  await expect(page.getByTestId("code-text")).toContainText(".filter(");
  await page.getByTestId("code-lang-sql").click();
  await expect(page.getByTestId("code-text")).toContainText("`too_hot_or_humid`");
});

test("a new pipeline can start from an example", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("from-example").click();
  await page.getByTestId("example-sensor-alerts.json").click();
  await expect(page).toHaveURL(/\/pipelines\/[^/]+$/);
  for (const id of EXAMPLE_NODES) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
});
