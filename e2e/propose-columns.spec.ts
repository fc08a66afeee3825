// Files source with a header line: tick "First line is a header", Propose columns reads the file's first rows through
// the server (names from the header, types from the values), the user edits a name and uses the columns, and a
// preview shows the file's rows under them, the header line not among them.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createPipeline, selectNode, waitForRunner } from "./helpers";

test("propose columns from a CSV file with a header, edit them, and preview its rows", async ({ page, request }) => {
  const dataRoot = path.resolve(process.env.E2E_DATA_DIR!, "files");
  fs.mkdirSync(path.join(dataRoot, "propose"), { recursive: true });
  fs.writeFileSync(path.join(dataRoot, "propose", "orders.csv"), "order_id,customer,amount\n1,ann,12.50\n2,bob,7.25\n3,cy,100\n");
  const graph = {
    schemaVersion: 1, name: "Propose columns",
    nodes: [
      { id: "files", kind: "filesystem-source", version: 1, config: {}, position: { x: 0, y: 0 } },
      { id: "out", kind: "collect", version: 1, config: {}, position: { x: 320, y: 0 } },
    ],
    edges: [{ id: "e1", from: { node: "files", port: "out" }, to: { node: "out", port: "in" } }],
  };
  await page.goto(`/pipelines/${await createPipeline(request, graph)}`);
  await waitForRunner(page);
  await selectNode(page, "files");

  // a path outside the data root is refused on the path field, before any file is read
  await page.getByTestId("field-path").pressSequentially("../elsewhere.csv");
  await page.getByTestId("propose-columns-button").click();
  await expect(page.getByTestId("propose-error")).toHaveAttribute("data-field", "path");

  await page.getByTestId("field-path").fill("");
  await page.getByTestId("field-path").pressSequentially("propose/orders.csv");
  await page.getByTestId("field-header").check();
  await page.getByTestId("propose-columns-button").click();
  await expect(page.getByTestId("proposed-column")).toHaveCount(3);
  await expect(page.getByTestId("propose-source")).toContainText("propose/orders.csv, first 3 rows after the header");
  for (const [i, name, type] of [[0, "order_id", "BIGINT"], [1, "customer", "STRING"], [2, "amount", "DOUBLE"]] as const) {
    await expect(page.getByTestId(`proposed-name-${i}`)).toHaveValue(name);
    await expect(page.getByTestId(`proposed-type-${i}`)).toHaveValue(type);
  }
  await page.getByTestId("propose-columns").screenshot({ path: test.info().outputPath("propose-columns.png") });
  // the user edits a proposal before using it
  await page.getByTestId("proposed-name-1").fill("");
  await page.getByTestId("proposed-name-1").pressSequentially("customer name");
  await page.getByTestId("proposed-type-2").fill("");
  await page.getByTestId("proposed-type-2").pressSequentially("DECIMAL(10, 2)");
  await page.getByTestId("propose-apply").click();
  await expect(page.getByTestId("propose-draft")).toHaveCount(0);
  await expect(page.getByTestId("field-columns.1.name")).toHaveValue("customer name");
  await expect(page.getByTestId("field-columns.2.type")).toHaveValue("DECIMAL(10, 2)");
  await expect(page.getByTestId("inspector-errors")).toHaveCount(0);

  await page.getByTestId("preview-button").click();
  const panel = page.getByTestId("preview-panel");
  await expect(panel).toHaveAttribute("data-phase", "done", { timeout: 60_000 });
  const table = panel.getByTestId("rows-table");
  await expect(table.locator("th[data-column]")).toHaveText(["order_idBIGINT", "customer nameSTRING", "amountDECIMAL(10, 2)"]);
  expect((await table.getByTestId("cell-customer name").allTextContents()).sort()).toEqual(["ann", "bob", "cy"]);
  expect((await table.getByTestId("cell-amount").allTextContents()).sort()).toEqual(["100.00", "12.50", "7.25"]);
});
