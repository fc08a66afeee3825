// Expression autocomplete in the inspector (columns of the input type, functions with signatures, keyboard driven),
// and a filesystem source's path outside the data root flagged on its field before anything runs.
import { expect, test } from "@playwright/test";
import { connect, dragKind, selectNode } from "./helpers";

test("the filter's predicate field completes columns and functions from the keyboard", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "values", { x: 120, y: 150 });
  await dragKind(page, "filter", { x: 400, y: 150 });
  await connect(page, "handle-values_1-out-out", "handle-filter_1-in-in");
  await selectNode(page, "filter_1");

  const field = page.getByTestId("field-predicate");
  const list = page.getByTestId("expr-suggestions-predicate");
  await field.fill("");
  await field.pressSequentially("na");
  await expect(list.getByTestId("expr-suggestion").first()).toHaveAttribute("data-label", "name");
  await expect(list.getByTestId("expr-suggestion").first()).toContainText("STRING");
  await field.press("Enter");
  await expect(field).toHaveValue("name");
  await expect(list).toHaveCount(0);

  // a function: its signature and (while it is the active choice) its description are listed; arrow keys move the choice
  // and Tab takes it, cursor inside the parentheses
  await field.pressSequentially(" = low");
  const lower = list.locator('[data-label="LOWER"]');
  await expect(lower).toContainText("LOWER(s STRING) → STRING");
  await expect(lower.getByTestId("expr-suggestion-doc")).toHaveText("s in lower case");
  await page.screenshot({ path: "test-results/expr-autocomplete.png" });
  await field.press("ArrowDown");
  await field.press("ArrowUp");
  await expect(lower).toHaveAttribute("aria-selected", "true");
  await field.press("Tab");
  await expect(field).toHaveValue("name = LOWER(");
  await field.pressSequentially("nam");
  await field.press("Enter");
  await field.pressSequentially(")");
  await expect(field).toHaveValue("name = LOWER(name)");
  await expect(page.getByTestId("expr-type-predicate")).toContainText("BOOLEAN");

  // Ctrl+Space lists everything at an empty word; Escape closes the list without changing the text
  await field.press("End");
  await field.pressSequentially(" AND ");
  await expect(list).toHaveCount(0);
  await field.press("Control+Space");
  await expect(list.locator('[data-label="id"]')).toBeVisible();
  await expect(list.locator('[data-label="CAST"]')).toContainText("CAST(x AS type)");
  await field.press("Escape");
  await expect(list).toHaveCount(0);
  await expect(field).toHaveValue("name = LOWER(name) AND ");

  // the mouse picks too
  await field.pressSequentially("i");
  await list.locator('[data-label="id"]').click();
  await expect(field).toHaveValue("name = LOWER(name) AND id");

  // Flink's SQL predicates and built-ins, typed as Flink types them
  await field.press("Escape");
  await field.fill("");
  await field.pressSequentially("name LIKE 'a%' AND id BETWEEN 1 AND 5 AND name IN ('a', 'b') AND COALESCE(id, 0) > 0");
  await field.press("Escape");
  await expect(page.getByTestId("expr-type-predicate")).toContainText("BOOLEAN");
  await field.fill("");
  await field.pressSequentially("id IN ('a')");
  await field.press("Escape");
  await expect(page.getByTestId("field-error-predicate")).toContainText("cannot compare");
});

test("a files source whose path leaves the data root is flagged on its Path field", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "filesystem-source", { x: 120, y: 150 });
  await selectNode(page, "filesystem_source_1");
  await page.getByTestId("field-path").fill("../../etc/passwd");
  await expect(page.getByTestId("field-error-path")).toContainText("leaves the data root");
  await page.getByTestId("field-path").fill("examples/messy-orders.csv");
  await expect(page.getByTestId("field-error-path")).toHaveCount(0);
});
