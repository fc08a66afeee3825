// Every key typed outside the canvas reaches what has focus: a UDF typed key by key in Monaco (spaces, braces, a
// template string) runs; Space, Delete and Backspace in an expression field, Monaco or on an inspector button never
// act on the canvas, while the same keys on the canvas still delete, undo and pan.
import { expect, test, type Page } from "@playwright/test";
import { connect, dragKind, selectNode, startRun, typeText, typeUdfCode, udfText, waitForRunner } from "./helpers";

const CODE = `// typed with the keyboard: every space must arrive
export default function map(row: Input): { label: string; total: bigint } {
  const name = row.name ?? "nobody";
  if (row.id === null) {
    return { label: \`\${name} has no id\`, total: 0n };
  }
  const total = row.id + 10n;
  return { label: \`\${name} #\${row.id}: \${total}\`, total };
}
`;

async function chain(page: Page, middle: string) {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "values", { x: 120, y: 150 });
  await dragKind(page, middle, { x: 380, y: 150 });
  await dragKind(page, "collect", { x: 640, y: 150 });
  const id = `${middle.replace(/-/g, "_")}_1`;
  await connect(page, "handle-values_1-out-out", `handle-${id}-in-in`);
  await connect(page, `handle-${id}-out-out`, "handle-collect_1-in-in");
  return id;
}

test("a multi-line TS map typed key by key in Monaco arrives as typed and runs", async ({ page }) => {
  await chain(page, "ts-map");
  await selectNode(page, "ts_map_1");
  await typeUdfCode(page, CODE);
  expect(await udfText(page)).toBe(CODE);
  await expect(page.getByTestId("udf-editor")).toHaveAttribute("data-error-count", "0");
  await expect(page.getByTestId("node-ts_map_1")).toBeVisible();

  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  const table = page.getByTestId("rows-table");
  await expect(table.getByTestId("cell-label")).toHaveCount(2);
  const labels = await table.getByTestId("cell-label").allTextContents();
  const totals = await table.getByTestId("cell-total").allTextContents();
  expect(labels.map((l, i) => `${l} | ${totals[i]}`).sort()).toEqual(["first #1: 11 | 11", "second #2: 12 | 12"]);
});

test("Space, Delete and Backspace typed in the inspector stay there; on the canvas they delete, undo and pan", async ({ page }) => {
  const mod = process.platform === "darwin" ? "Meta" : "Control";
  await chain(page, "filter");
  await selectNode(page, "filter_1");
  const node = page.getByTestId("node-filter_1");
  const inspected = page.getByTestId("inspector-node-id");

  // Space arrives in an expression field; Backspace and Delete edit the text, not the graph
  await typeText(page, "predicate", "id > 1 AND name <> 'a b'");
  const field = page.getByTestId("field-predicate");
  await field.press("Backspace");
  await field.press("Home");
  await field.press("Delete");
  await expect(field).toHaveValue("d > 1 AND name <> 'a b");
  await expect(node).toBeVisible();
  await expect(inspected).toHaveText("filter_1");

  // focus on an inspector button, or on the inspector's own background: the keys are not the canvas's
  await page.getByTestId("preview-button").focus();
  for (const key of ["Delete", "Backspace", `${mod}+x`]) await page.keyboard.press(key);
  await expect(node).toBeVisible();
  await inspected.click();
  for (const key of ["Delete", "Backspace"]) await page.keyboard.press(key);
  await expect(node).toBeVisible();
  await expect(inspected).toHaveText("filter_1");

  // the same keys with the canvas focused act on it: Delete removes the node, Ctrl/⌘ Z brings it back
  await selectNode(page, "filter_1");
  await page.keyboard.press("Delete");
  await expect(node).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(node).toBeVisible();
  // a node dropped from the palette leaves the keyboard on the canvas: Ctrl/⌘ Z takes the drop back
  await dragKind(page, "print", { x: 380, y: 330 });
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId("node-print_1")).toHaveCount(0);

  // Space held over the focused canvas makes the wheel pan (the zoom stays); without it the wheel zooms
  const viewport = page.locator(".react-flow__viewport");
  const transform = () => viewport.evaluate((v) => new DOMMatrix(getComputedStyle(v).transform));
  const box = (await page.getByTestId("canvas").boundingBox())!;
  await page.mouse.click(box.x + box.width - 60, box.y + box.height - 140);
  const before = await transform();
  await page.keyboard.down(" ");
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => (await transform()).f).not.toBe(before.f);
  expect((await transform()).a).toBe(before.a);
  await page.keyboard.up(" ");
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => (await transform()).a).not.toBe(before.a);
});
