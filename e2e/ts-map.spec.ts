// A TS map node edited in the inspector's code box: a type error is refused at Run naming the node, field and line; fixed, it runs.
import { expect, test } from "@playwright/test";
import { connect, dragKind, selectNode, startRun, waitForRunner } from "./helpers";

const code = (name: string) => `export default function map(row: Input): { shout: string; next: bigint | null } {
  return { shout: (row.${name} ?? "").toUpperCase(), next: row.id === null ? null : row.id + 1n };
}
`;

test("a TS map's type error blocks the run with its line, and the fixed function transforms the rows", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "values", { x: 120, y: 150 });
  await dragKind(page, "ts-map", { x: 380, y: 150 });
  await dragKind(page, "collect", { x: 640, y: 150 });
  await connect(page, "handle-values_1-out-out", "handle-ts_map_1-in-in");
  await connect(page, "handle-ts_map_1-out-out", "handle-collect_1-in-in");

  await selectNode(page, "ts_map_1");
  await page.getByTestId("field-code").fill(code("nam"));
  await waitForRunner(page);
  await page.getByTestId("run-button").click();
  const refusal = page.getByTestId("run-action-error");
  await expect(refusal).toContainText("ts_map_1.code");
  await expect(refusal).toContainText("line 2:");
  await expect(refusal).toContainText("nam");

  await page.getByTestId("field-code").fill(code("name"));
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  // Flink promises no order across the values rows, so compare the rows as a set of (shout, next) pairs
  const table = page.getByTestId("rows-table");
  await expect(table.getByTestId("cell-shout")).toHaveCount(2);
  const shout = await table.getByTestId("cell-shout").allTextContents();
  const next = await table.getByTestId("cell-next").allTextContents();
  expect(shout.map((s, i) => `${s} ${next[i]}`).sort()).toEqual(["FIRST 2", "SECOND 3"]);
});
