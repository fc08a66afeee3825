// Values → select (computed columns through the generated array form) → collect, checked cell by cell; then deleting a node.
import { expect, test } from "@playwright/test";
import { connect, dragKind, selectNode, startRun, typeText, waitForRunner } from "./helpers";

test("computed columns from the inspector's list form reach the collected rows", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "values", { x: 120, y: 150 });
  await dragKind(page, "select", { x: 380, y: 150 });
  await dragKind(page, "collect", { x: 640, y: 150 });
  await connect(page, "handle-values_1-out-out", "handle-select_1-in-in");
  await connect(page, "handle-select_1-out-out", "handle-collect_1-in-in");

  await selectNode(page, "select_1");
  await expect(page.getByTestId("input-column-name")).toBeVisible();
  await page.getByTestId("add-columns").click();
  await page.getByTestId("field-columns.0.name").fill("tens");
  await typeText(page, "columns.0.expr", "id * 10");
  await page.getByTestId("add-columns").click();
  await page.getByTestId("field-columns.1.name").fill("shout");
  await typeText(page, "columns.1.expr", "UPPER(nam)");
  await expect(page.getByTestId("field-error-columns.1.expr")).toContainText("nam");
  await typeText(page, "columns.1.expr", "UPPER(name)");
  await expect(page.getByTestId("node-error-select_1")).toHaveCount(0);
  await expect(page.getByTestId("edge-label-e_select_1_out_collect_1_in")).toHaveAttribute("title", /^tens \w+.*, shout /);

  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  // Flink promises no order across the values rows, so compare the rows as a set of (tens, shout) pairs
  const table = page.getByTestId("rows-table");
  await expect(table.getByTestId("cell-tens")).toHaveCount(2);
  const tens = await table.getByTestId("cell-tens").allTextContents();
  const shout = await table.getByTestId("cell-shout").allTextContents();
  expect(tens.map((t, i) => `${t} ${shout[i]}`).sort()).toEqual(["10 FIRST", "20 SECOND"]);

  // Deleting the source leaves the select with an unconnected input, flagged on the node.
  await selectNode(page, "values_1");
  await page.getByTestId("delete-node").click();
  await expect(page.getByTestId("node-values_1")).toHaveCount(0);
  await expect(page.getByTestId("node-error-select_1")).toBeVisible();
  await expect(page.getByTestId("run-button")).toBeDisabled();
});
