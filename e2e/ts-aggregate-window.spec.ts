// A session window computed by a TS aggregate alone (no built-in aggregate): without merge() the node and its editor
// say so as the code is typed and Run is blocked; with it, the run merges the sessions a late click bridges.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { selectNode, startRun, typeUdfAtEnd, typeUdfCode, udfEditor, udfText, waitForRunner } from "./helpers";

const example = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "examples", "session-click-paths.json"), "utf8")) as {
  nodes: { id: string; config: { code?: string } }[];
};
const CODE = example.nodes.find((n) => n.id === "paths")!.config.code!;

test("a session window's TS aggregate asks for merge() as it is typed, and then merges bridged sessions", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("from-example").click();
  await page.getByTestId("example-session-click-paths.json").click();
  await expect(page).toHaveURL(/\/pipelines\/[^/]+$/);

  await selectNode(page, "paths");
  const editor = await udfEditor(page);
  await expect(editor).toHaveAttribute("data-error-count", "0");
  const merge = /export function merge[^]*?\n}\n/.exec(CODE)![0];
  const withoutMerge = CODE.replace(merge, "");
  expect(withoutMerge).not.toContain("merge(a");
  await typeUdfCode(page, withoutMerge);
  expect(await udfText(page)).toBe(withoutMerge);
  await expect(page.getByTestId("node-error-message-paths")).toContainText("a session window merges accumulators: export function merge(a: Acc, b: Acc): Acc");
  await expect(editor).not.toHaveAttribute("data-error-count", "0");
  await expect(page.getByTestId("run-blockers")).not.toHaveCount(0);

  // merge() typed at the end of the code, after the other functions
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await typeUdfAtEnd(page, merge);
  expect(await udfText(page)).toBe(withoutMerge + merge);
  await expect(editor).toHaveAttribute("data-error-count", "0");
  await expect(page.getByTestId("node-error-message-paths")).toHaveCount(0);
  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  const table = page.getByTestId("rows-table");
  await expect(table.getByTestId("cell-path")).toHaveCount(3);
  const paths = await table.getByTestId("cell-path").allTextContents();
  const merged = await table.getByTestId("cell-merged").allTextContents();
  expect(paths.map((p, i) => `${p} | ${merged[i]}`).sort()).toEqual([
    "/checkout | 0",
    "/home → /products/tent-2 | 0",
    "/home → /search?q=boots → /products/boots-42 → /cart | 1",
  ]);
});
