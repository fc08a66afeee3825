// A TS map node in the Monaco UDF editor: `row.` completes the real columns, a typo is red as you type and blocks Run,
// named with node, field and line on the node and in the run panel; fixed, it runs and transforms the rows.
import { expect, test } from "@playwright/test";
import { connect, dragKind, selectNode, startRun, typeUdfCode, udfEditor, udfText, waitForRunner } from "./helpers";

const code = (name: string) => `export default function map(row: Input): { shout: string; next: bigint | null } {
  return { shout: (row.${name} ?? "").toUpperCase(), next: row.id === null ? null : row.id + 1n };
}
`;

test("a TS map is edited in Monaco with typed completion and live errors, blocked while wrong, then runs", async ({ page }) => {
  // Monaco comes from StreamCanvas itself, and only once a UDF editor opens
  const fetched: URL[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url())));
  const monacoFiles = () => fetched.filter((u) => u.pathname.startsWith("/monaco/")).map((u) => u.pathname);
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "values", { x: 120, y: 150 });
  expect(monacoFiles()).toEqual([]);
  await dragKind(page, "ts-map", { x: 380, y: 150 });
  await dragKind(page, "collect", { x: 640, y: 150 });
  await connect(page, "handle-values_1-out-out", "handle-ts_map_1-in-in");
  await connect(page, "handle-ts_map_1-out-out", "handle-collect_1-in-in");

  await selectNode(page, "ts_map_1");
  const editor = await udfEditor(page);
  expect(monacoFiles()).toEqual(expect.arrayContaining(["/monaco/monaco.css", "/monaco/monaco.js"]));
  // the editor follows the app's theme (data-theme on <html>): Monaco's vs-dark when dark, vs otherwise
  const monacoRoot = editor.locator(".monaco-editor").first();
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const themeClass = async () => ((await theme()) === "dark" ? /(^|\s)vs-dark(\s|$)/ : /(^|\s)vs(\s|$)/);
  await expect(monacoRoot).toHaveClass(await themeClass());
  const before = await theme();
  await page.getByTestId("theme-toggle").click();
  await expect.poll(theme).not.toBe(before);
  await expect(monacoRoot).toHaveClass(await themeClass());
  // `row.` offers the upstream columns (Input is generated from the values node's row type)
  await typeUdfCode(page, "export default function map(row: Input): { shout: string } {\n  return { shout: row");
  await page.keyboard.type(".");
  const suggest = editor.locator(".suggest-widget");
  await expect(suggest).toBeVisible();
  await expect(suggest.locator(".monaco-list-row", { hasText: /^name/ })).toHaveCount(1);
  await page.keyboard.press("Escape");
  // the TypeScript language service runs in its worker, from the same origin as the page
  expect(monacoFiles()).toContain("/monaco/ts.worker.js");
  expect(fetched.filter((u) => u.origin !== new URL(page.url()).origin && u.protocol.startsWith("http"))).toEqual([]);

  // an allowlisted library completes from its own types; any other import is refused as typed, as the server will;
  // and there is no DOM, as on the server (same compiler options)
  await typeUdfCode(page, 'import dayjs from "dayjs";\nexport default function map(row: Input): { shout: string } {\n  return { shout: dayjs()');
  await page.keyboard.type(".");
  await expect(suggest.locator(".monaco-list-row", { hasText: /^format/ })).toHaveCount(1);
  await page.keyboard.press("Escape");
  await typeUdfCode(page, 'import dayjs from "dayjs";\nimport _ from "lodash";\nexport default function map(row: Input): { shout: string } {\n  return { shout: dayjs().format() + _ };\n}\n');
  const status = page.getByTestId("udf-editor-status");
  await expect(status).toHaveText('1 error; line 2: cannot import "lodash": a TypeScript UDF may import only "change-case" and "dayjs"');
  await typeUdfCode(page, "export default function map(row: Input): { shout: string } {\n  return { shout: document.title };\n}\n");
  await expect(status).toContainText("1 error; line 2: Cannot find name 'document'.");

  // a typo is red in the editor before anything runs
  await typeUdfCode(page, code("nam"));
  await expect(editor).not.toHaveAttribute("data-error-count", "0");
  await expect(editor.locator(".squiggly-error").first()).toBeVisible();
  await expect(status).toContainText("1 error; line 2: Property 'nam' does not exist on type 'Input'");
  // the declared return type is the node's output row type, on the next edge as soon as the typing pauses
  await expect(page.getByTestId("edge-label-e_ts_map_1_out_collect_1_in")).toHaveAttribute("title", /shout STRING NOT NULL, next BIGINT/);

  // the server's compiler finds it too, without a Run: on the node with its line, in the run panel, counted once
  // (the editor's own marker and the server's are one error); Run waits for the fix
  await waitForRunner(page);
  await expect(page.getByTestId("node-error-message-ts_map_1")).toContainText("line 2:");
  await expect(page.getByTestId("node-error-message-ts_map_1")).toContainText("'nam' does not exist");
  await expect(page.getByTestId("run-errors")).toContainText("ts_map_1.code");
  await expect(page.getByTestId("run-errors").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("run-button")).toBeDisabled();
  await expect(editor).toHaveAttribute("data-error-count", "1");

  await typeUdfCode(page, code("name"));
  expect(await udfText(page)).toBe(code("name"));
  await expect(editor).toHaveAttribute("data-error-count", "0");
  await expect(page.getByTestId("node-error-message-ts_map_1")).toHaveCount(0);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  // Flink promises no order across the values rows, so compare the rows as a set of (shout, next) pairs
  const table = page.getByTestId("rows-table");
  await expect(table.getByTestId("cell-shout")).toHaveCount(2);
  const shout = await table.getByTestId("cell-shout").allTextContents();
  const next = await table.getByTestId("cell-next").allTextContents();
  expect(shout.map((s, i) => `${s} ${next[i]}`).sort()).toEqual(["FIRST 2", "SECOND 3"]);
});
