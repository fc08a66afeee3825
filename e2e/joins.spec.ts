// Join kinds in the browser: the interval-join example's inspector (both inputs' columns, generated fields, a pinned
// error on a column that is not an event-time attribute) and a run to FINISHED with the joined rows.
import { expect, test } from "@playwright/test";
import { selectNode, startRun, waitForRunner } from "./helpers";

test("the interval join inspector shows both inputs, pins a bad time column, and the example runs", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("from-example").click();
  await page.getByTestId("example-orders-payments-interval-join.json").click();
  await expect(page).toHaveURL(/\/pipelines\/[^/]+$/);

  await selectNode(page, "paid_within_15_min");
  await expect(page.getByTestId("input-columns-left").getByTestId("input-column-order_time")).toBeVisible();
  await expect(page.getByTestId("input-columns-right").getByTestId("input-column-paid_at")).toBeVisible();
  await expect(page.getByTestId("field-joinType")).toHaveValue("left");
  await expect(page.getByTestId("field-unit")).toHaveValue("minutes");
  await expect(page.getByTestId("field-lower")).toHaveValue("-15");
  await expect(page.getByTestId("field-keys.0.right")).toHaveValue("order_id");

  const rightTime = page.getByTestId("field-rightTime");
  await rightTime.fill("payment_id");
  await expect(page.getByTestId("inspector-errors")).toContainText('"payment_id" is not an event-time attribute');
  await expect(page.getByTestId("run-blockers")).not.toHaveCount(0);
  await rightTime.fill("paid_at");
  await expect(page.getByTestId("inspector-errors")).toHaveCount(0);
  if (process.env.JOINS_SCREENSHOT) await page.screenshot({ path: process.env.JOINS_SCREENSHOT });

  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  const paid = page.getByTestId("rows-table").getByTestId("cell-paid_in_time");
  await expect(paid.first()).toBeVisible();
});

test("the top-3 example: a top-N inspector reports an unknown order column, and the run ranks products", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("from-example").click();
  await page.getByTestId("example-top-3-products-per-hour.json").click();
  await expect(page).toHaveURL(/\/pipelines\/[^/]+$/);

  await selectNode(page, "top_3_per_hour");
  await expect(page.getByTestId("input-column-units")).toBeVisible();
  await expect(page.getByTestId("field-n")).toHaveValue("3");
  await expect(page.getByTestId("field-direction")).toHaveValue("desc");
  await expect(page.getByTestId("field-partitionBy.0")).toHaveValue("window_start");
  const orderBy = page.getByTestId("field-orderBy");
  await orderBy.fill("unit");
  await expect(page.getByTestId("inspector-errors")).toContainText('unknown column "unit"; did you mean "units"?');
  await orderBy.fill("units");
  await expect(page.getByTestId("inspector-errors")).toHaveCount(0);
  if (process.env.JOINS_SCREENSHOT) await page.screenshot({ path: process.env.JOINS_SCREENSHOT.replace(".png", "-top-n.png") });

  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  await expect(page.getByTestId("rows-table").getByTestId("cell-rank").first()).toBeVisible();
});
