// Preview while designing: a filter's sample rows (and their change when the predicate changes, by live preview),
// edge sample counts, an empty-result hint, and Try it on a TS map with input and output side by side.
import { expect, test } from "@playwright/test";
import { selectNode, typeText, waitForRunner } from "./helpers";

async function openExample(page: import("@playwright/test").Page, file: string) {
  await page.goto("/");
  await page.getByTestId("from-example").click();
  await page.getByTestId(`example-${file}`).click();
  await expect(page).toHaveURL(/\/pipelines\/[^/]+$/);
  await waitForRunner(page);
}

test("preview a filter node, then see its rows change with the predicate", async ({ page }) => {
  await openExample(page, "sensor-alerts.json");
  await selectNode(page, "too_hot_or_humid");
  await typeText(page, "predicate", "reading_id <= 3");
  await page.getByTestId("preview-button").click();
  const panel = page.getByTestId("preview-panel");
  await expect(panel).toHaveAttribute("data-phase", "done", { timeout: 60_000 });
  const table = panel.getByTestId("rows-table");
  await expect(table.locator("th[data-column]")).toHaveText(["reading_idBIGINT", "sensor_idINT", "temperatureDOUBLE", "humidityDOUBLE"]);
  expect((await table.getByTestId("cell-reading_id").allTextContents()).sort()).toEqual(["1", "2", "3"]);
  await expect(page.getByTestId("edge-count-readings-filter")).toHaveText("200 rows");
  await expect(page.getByTestId("node-preview-too_hot_or_humid")).toHaveText("3 sample rows");

  // live preview: editing the predicate refreshes the rows without pressing Preview
  await page.getByTestId("preview-live").check();
  await typeText(page, "predicate", "reading_id > 195");
  await expect(table.getByTestId("cell-reading_id")).toHaveCount(5, { timeout: 60_000 });
  expect((await table.getByTestId("cell-reading_id").allTextContents()).sort()).toEqual(["196", "197", "198", "199", "200"]);

  await typeText(page, "predicate", "reading_id > 1000");
  await expect(panel.getByTestId("preview-hints")).toContainText("filter too_hot_or_humid dropped all 200 rows it received", { timeout: 60_000 });
  await expect(page.getByTestId("node-preview-too_hot_or_humid")).toHaveText("0 rows");
});

test("Try it on a TS map shows input and output rows, hand-written rows, and runs the pinned tests", async ({ page }) => {
  await openExample(page, "ts-map-enrich.json");
  await selectNode(page, "enrich");
  await page.getByTestId("udf-try-button").click();
  const table = page.getByTestId("udf-try-table");
  await expect(table.getByTestId("udf-try-row")).toHaveCount(10, { timeout: 60_000 });
  const inputs = await table.getByTestId("udf-in-customer").allTextContents();
  const outputs = await table.getByTestId("udf-out-customer").allTextContents();
  expect(outputs).toEqual(inputs.map((c) => c.toUpperCase()));
  for (const t of await table.getByTestId("udf-out-tier").allTextContents()) expect(["gold", "silver", "bronze"]).toContain(t);

  await page.getByTestId("udf-add-order_id").fill("5");
  await page.getByTestId("udf-add-customer").fill("zed");
  await page.getByTestId("udf-add-amount").fill("450");
  await page.getByTestId("udf-add-row").click();
  const added = table.getByTestId("udf-try-row").last();
  await expect(added.getByTestId("udf-out-customer")).toHaveText("ZED");
  await expect(added.getByTestId("udf-out-tier")).toHaveText("gold");
  await expect(added.getByTestId("udf-out-order_key")).toHaveText("2026000000000000005");

  await expect(page.getByTestId("udf-test-case")).toHaveCount(2);
  await added.getByTestId("udf-pin").click();
  await expect(page.getByTestId("udf-test-case")).toHaveCount(3);
  await page.getByTestId("udf-run-tests").click();
  await expect(page.getByTestId("udf-test-case").and(page.locator('[data-result="pass"]'))).toHaveCount(3);
});
