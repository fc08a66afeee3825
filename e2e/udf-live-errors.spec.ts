// A TypeScript error typed into a TS map shows, while typing, on the node (with its line) and in the run panel, counted
// once, and Run waits for the fix; the server's compiler finds it without a Run being pressed.
import { expect, test } from "@playwright/test";
import { connect, dragKind, selectNode, udfEditor } from "./helpers";

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

  await selectNode(page, "ts_map_1");
  const editor = await udfEditor(page);
  await expect(editor).toHaveAttribute("data-error-count", "0");
  // typed key by key at the end of the template (its last line is empty): a property Math does not have
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("Math.nope;");
  await page.keyboard.press("Escape"); // closes the completion list the "." opened; the editor keeps the focus

  const message = "line 6:6: Property 'nope' does not exist on type 'Math'.";
  await expect(page.getByTestId("node-error-message-ts_map_1")).toHaveText(message);
  await expect(page.getByTestId("node-error-ts_map_1")).toHaveText("1");
  const listed = page.getByTestId("run-errors").locator("li");
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveText(`ts_map_1.code${message}`);
  await expect(page.getByTestId("run-blockers")).toContainText("Fix this problem to run");
  await expect(run).toBeDisabled();
  // Monaco's own marker and the server's are one error
  await expect(editor).toHaveAttribute("data-error-count", "1");
  await expect(page.getByTestId("udf-editor-status")).toHaveText("1 error; line 6: Property 'nope' does not exist on type 'Math'.");

  // select the typed line and type a valid one over it
  await page.keyboard.press("Shift+Home");
  await page.keyboard.type("Math.PI;");
  await expect(page.getByTestId("node-error-ts_map_1")).toHaveCount(0);
  await expect(page.getByTestId("run-blockers")).toHaveCount(0);
  await expect(editor).toHaveAttribute("data-error-count", "0");
  await expect(run).toBeEnabled();
});
