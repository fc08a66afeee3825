// Nested column types in the editor: a source column typed ROW<…> is checked as typed (the error pinned to its field)
// and reaches the TS map's generated Input, so `row.<column>.` completes the nested fields in Monaco.
import { expect, test } from "@playwright/test";
import { connect, dragKind, selectNode, typeText, typeUdfCode, udfEditor } from "./helpers";

test("a nested column type is checked as typed and its fields complete in the UDF editor", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "values", { x: 120, y: 150 });
  await dragKind(page, "ts-map", { x: 380, y: 150 });
  await connect(page, "handle-values_1-out-out", "handle-ts_map_1-in-in");

  await selectNode(page, "values_1");
  await typeText(page, "columns.1.type", "ROW<`user` ROW<`id` BIGINT");
  await expect(page.getByTestId("field-error-columns.1.type")).toContainText('column "name": cannot read type');
  await typeText(page, "columns.1.type", "ROW<`user` ROW<`id` BIGINT, `display name` STRING>, `tags` ARRAY<STRING>>");
  // a values cell of a nested type can only be NULL
  const rows = page.getByTestId("field-rows");
  await expect(rows).toContainText("can only be NULL");
  await page.getByTestId("field-rows.0.1").fill("NULL");
  await page.getByTestId("field-rows.1.1").fill("NULL");
  await expect(rows).not.toContainText("can only be NULL");
  await expect(page.getByTestId("field-error-columns.1.type")).toHaveCount(0);

  await selectNode(page, "ts_map_1");
  const editor = await udfEditor(page);
  const suggest = editor.locator(".suggest-widget");
  await typeUdfCode(page, "export default function map(row: Input): { n: bigint | null } {\n  return { n: row.name?");
  await page.keyboard.type(".");
  await expect(suggest).toBeVisible();
  await expect(suggest.locator(".monaco-list-row", { hasText: /^user/ })).toHaveCount(1);
  await expect(suggest.locator(".monaco-list-row", { hasText: /^tags/ })).toHaveCount(1);
  await page.keyboard.press("Escape");
  // one level deeper: the ROW inside the ROW, its BIGINT a bigint
  await typeUdfCode(page, "export default function map(row: Input): { n: bigint | null } {\n  return { n: row.name?.user");
  await page.keyboard.type(".");
  await expect(suggest.locator(".monaco-list-row", { hasText: /^id.*bigint \| null/ })).toHaveCount(1);
});

test("a filter reads inside a nested column: `.` completes the ROW's fields, a wrong field is named on the node", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "values", { x: 120, y: 150 });
  await dragKind(page, "filter", { x: 400, y: 150 });
  await connect(page, "handle-values_1-out-out", "handle-filter_1-in-in");
  await selectNode(page, "values_1");
  await typeText(page, "columns.1.type", "ROW<`user` ROW<`id` BIGINT>, `tags` ARRAY<STRING>>");
  await page.getByTestId("field-rows.0.1").fill("NULL");
  await page.getByTestId("field-rows.1.1").fill("NULL");

  await selectNode(page, "filter_1");
  const field = page.getByTestId("field-predicate");
  const list = page.getByTestId("expr-suggestions-predicate");
  await field.fill("");
  await field.pressSequentially("name.");
  await expect(list.locator('[data-label="user"]')).toBeVisible();
  await expect(list.locator('[data-label="tags"]')).toBeVisible();
  await field.pressSequentially("usr.id > 1");
  await field.press("Escape");
  await expect(page.getByTestId("field-error-predicate")).toContainText("usr");
  await expect(page.getByTestId("field-error-predicate")).toContainText("user");
  await typeText(page, "predicate", "name.user.id > 1 AND name.tags[1] = 'a'");
  await expect(page.getByTestId("field-error-predicate")).toHaveCount(0);
  await expect(page.getByTestId("expr-type-predicate")).toContainText("BOOLEAN");
});
