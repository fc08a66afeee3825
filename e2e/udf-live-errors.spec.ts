// A TypeScript error typed into a TS map shows, while typing, on the node (with its line) and in the run panel, counted
// once, and Run waits for the fix; the server's compiler finds it without a Run being pressed.
import { expect, test } from "@playwright/test";
import { connect, dragKind, selectNode, typeUdfCode, udfText } from "./helpers";

const code = (total: string) => `export default function map(row: Input): { label: string; total: number } {
  const total: number = ${total};
  return { label: String(row.id), total };
}
`;

test("a type error typed into a TS map blocks Run live, counted once; fixing it re-enables Run", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "values", { x: 120, y: 150 });
  await dragKind(page, "ts-map", { x: 380, y: 150 });
  await dragKind(page, "collect", { x: 640, y: 150 });
  await connect(page, "handle-values_1-out-out", "handle-ts_map_1-in-in");
  await connect(page, "handle-ts_map_1-out-out", "handle-collect_1-in-in");
  const run = page.getByTestId("run-button");
  await expect(run).toBeEnabled();

  // typed key by key, as a user writes it; the editor keeps the focus throughout (no blur hands the code over)
  await selectNode(page, "ts_map_1");
  await typeUdfCode(page, code("row.name"));
  expect(await udfText(page)).toBe(code("row.name"));
  const editor = page.getByTestId("udf-editor");

  const message = "line 2:9: Type 'string | null' is not assignable to type 'number'.";
  await expect(page.getByTestId("node-error-message-ts_map_1")).toContainText(message);
  await expect(page.getByTestId("node-error-ts_map_1")).toHaveText("1");
  const listed = page.getByTestId("run-errors").locator("li");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(`ts_map_1.code${message}`);
  await expect(page.getByTestId("run-blockers")).toContainText("Fix this problem to run");
  await expect(run).toBeDisabled();
  // Monaco's own marker and the server's are one error
  await expect(editor).toHaveAttribute("data-error-count", "1");
  await expect(page.getByTestId("udf-editor-status")).toContainText("1 error; line 2: Type 'string | null' is not assignable to type 'number'.");

  await typeUdfCode(page, code("Number(row.id ?? 0n)"));
  expect(await udfText(page)).toBe(code("Number(row.id ?? 0n)"));
  await expect(page.getByTestId("node-error-ts_map_1")).toHaveCount(0);
  await expect(page.getByTestId("run-blockers")).toHaveCount(0);
  await expect(editor).toHaveAttribute("data-error-count", "0");
  await expect(run).toBeEnabled();
});
