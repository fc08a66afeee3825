// Editor craft in a real browser: undo, copy/paste, auto-layout, export/import, versions diff, a stale tab forks.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { connect, createPipeline, dragKind, typeText, waitSaved } from "./helpers";

const mod = process.platform === "darwin" ? "Meta" : "Control";

/** A fresh pipeline with datagen → filter → collect connected. */
async function chain(page: Page) {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await dragKind(page, "datagen", { x: 120, y: 120 });
  await dragKind(page, "filter", { x: 330, y: 300 });
  await dragKind(page, "collect", { x: 560, y: 120 });
  await connect(page, "handle-datagen_1-out-out", "handle-filter_1-in-in");
  await connect(page, "handle-filter_1-out-out", "handle-collect_1-in-in");
  await expect(page.getByTestId("rf__edge-e_filter_1_out_collect_1_in")).toBeVisible();
}

const clickNode = (page: Page, id: string, shift = false) =>
  page.getByTestId(`node-${id}`).click({ position: { x: 40, y: 14 }, modifiers: shift ? ["Shift"] : [] });

async function exportText(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-file").click()]);
  return fs.readFileSync((await download.path())!, "utf8");
}

test("undo brings back a deleted node with its edges; redo deletes it again", async ({ page }) => {
  await chain(page);
  await clickNode(page, "filter_1");
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("node-filter_1")).toHaveCount(0);
  await expect(page.getByTestId("rf__edge-e_datagen_1_out_filter_1_in")).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId("node-filter_1")).toBeVisible();
  await expect(page.getByTestId("rf__edge-e_datagen_1_out_filter_1_in")).toBeVisible();
  await expect(page.getByTestId("rf__edge-e_filter_1_out_collect_1_in")).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(page.getByTestId("node-filter_1")).toHaveCount(0);
  await page.getByTestId("tool-undo").click();
  await expect(page.getByTestId("node-filter_1")).toBeVisible();
});

test("a copied pair of nodes pastes with new ids and its inner edge; the shortcut list opens on ?", async ({ page }) => {
  await chain(page);
  await clickNode(page, "datagen_1");
  await clickNode(page, "filter_1", true);
  await page.keyboard.press(`${mod}+c`);
  const box = (await page.getByTestId("canvas").boundingBox())!;
  await page.mouse.move(box.x + 150, box.y + box.height - 180);
  await page.keyboard.press(`${mod}+v`);
  await expect(page.getByTestId("node-datagen_2")).toBeVisible();
  await expect(page.getByTestId("node-filter_2")).toBeVisible();
  await expect(page.getByTestId("rf__edge-e_datagen_2_out_filter_2_in")).toBeVisible();
  await expect(page.getByTestId("node-collect_2")).toHaveCount(0);
  // The edge to the node left out of the copy is not pasted.
  await expect(page.locator('[data-testid^="rf__edge-e_filter_2_out"]')).toHaveCount(0);
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-help")).toContainText("Undo");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcut-help")).toHaveCount(0);
});

test("auto-layout puts the chain left to right without overlaps", async ({ page }) => {
  await chain(page);
  await page.getByTestId("tool-layout").click();
  await expect(async () => {
    const [a, b, c] = await Promise.all(["datagen_1", "filter_1", "collect_1"].map((id) => page.getByTestId(`node-${id}`).boundingBox()));
    expect(a!.x + a!.width).toBeLessThan(b!.x);
    expect(b!.x + b!.width).toBeLessThan(c!.x);
    expect(Math.abs(a!.y - c!.y)).toBeLessThan(a!.height);
  }).toPass();
});

test("export then import gives the same graph; a broken file names its field", async ({ page }, info) => {
  await chain(page);
  const text = await exportText(page);
  expect(text).toContain('"format": "streamcanvas/pipeline"');
  const file = info.outputPath("chain.streamcanvas.json");
  fs.writeFileSync(file, text);

  await clickNode(page, "collect_1");
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("node-collect_1")).toHaveCount(0);
  await page.getByTestId("import-file-input").setInputFiles(file);
  await page.getByTestId("import-confirm-replace").click(); // over a non-empty canvas it asks first
  await expect(page.getByTestId("node-collect_1")).toBeVisible();
  expect(await exportText(page)).toBe(text);

  const broken = JSON.parse(text);
  broken.nodes[0].position.x = "left";
  fs.writeFileSync(file, JSON.stringify(broken));
  await page.getByTestId("import-file-input").setInputFiles(file);
  await expect(page.getByTestId("import-error")).toContainText(`nodes.0.position.x (node ${broken.nodes[0].id})`);

  // The same file imported from the pipeline list becomes a new pipeline holding the same graph.
  const editorUrl = page.url();
  fs.writeFileSync(file, text);
  await page.goto("/");
  await page.getByTestId("import-pipeline-input").setInputFiles(file);
  await expect(page).not.toHaveURL(/\/$/);
  await expect(page).not.toHaveURL(editorUrl);
  await expect(page.getByTestId("node-collect_1")).toBeVisible();
  expect(await exportText(page)).toBe(text);
});

test("import refuses a file with an edge to a missing node, naming it; over an open pipeline it asks, and undo restores", async ({ page }, info) => {
  await chain(page);
  const text = await exportText(page);
  const file = info.outputPath("other.streamcanvas.json");
  // a file holding one node, and the same with an edge to a node that is not in it
  const other = { ...JSON.parse(text), name: "other", nodes: [JSON.parse(text).nodes.find((n: { id: string }) => n.id === "datagen_1")], edges: [] };
  fs.writeFileSync(file, JSON.stringify({ ...other, edges: [{ id: "e_dangling", from: { node: "datagen_1", port: "out" }, to: { node: "ghost", port: "in" } }] }));
  await page.getByTestId("import-file-input").setInputFiles(file);
  await expect(page.getByTestId("import-error")).toContainText('edges.0: edge e_dangling (datagen_1.out → ghost.in): there is no node "ghost"');
  await expect(page.getByTestId("import-confirm")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("node-collect_1")).toBeVisible();

  // a good file: the editor asks before replacing the open pipeline; Cancel keeps it
  fs.writeFileSync(file, JSON.stringify(other));
  await page.getByTestId("import-file-input").setInputFiles(file);
  await expect(page.getByTestId("import-confirm")).toContainText("other.streamcanvas.json");
  await page.getByTestId("import-confirm-cancel").click();
  await expect(page.getByTestId("import-confirm")).toHaveCount(0);
  await expect(page.getByTestId("node-collect_1")).toBeVisible();
  await page.getByTestId("import-file-input").setInputFiles(file);
  await page.getByTestId("import-confirm-replace").click();
  await expect(page.getByTestId("node-collect_1")).toHaveCount(0);
  await expect(page.getByTestId("node-filter_1")).toHaveCount(0);
  await expect(page.getByTestId("node-datagen_1")).toBeVisible();
  // one undo brings the whole pipeline back, edges included
  await page.getByTestId("tool-undo").click();
  await expect(page.getByTestId("node-filter_1")).toBeVisible();
  await expect(page.getByTestId("node-collect_1")).toBeVisible();
  await expect(page.getByTestId("rf__edge-e_filter_1_out_collect_1_in")).toBeVisible();
  expect(await exportText(page)).toBe(text);

  // the pipeline list's Import file reads files alike: refused, naming the edge, and no pipeline is created
  fs.writeFileSync(file, JSON.stringify({ ...other, edges: [{ id: "e_dangling", from: { node: "datagen_1", port: "nope" }, to: { node: "datagen_1", port: "in" } }] }));
  const id = page.url().split("/").at(-1)!;
  await page.goto("/");
  await expect(page.getByTestId(`pipeline-row-${id}`)).toBeVisible(); // the list has loaded
  const rows = await page.locator('[data-testid^="pipeline-row-"]').count();
  await page.getByTestId("import-pipeline-input").setInputFiles(file);
  await expect(page.getByTestId("list-error")).toContainText('edge e_dangling (datagen_1.nope → datagen_1.in): node "datagen_1" has no output port "nope"; its outputs: "out"');
  await expect(page.getByTestId("list-error")).toContainText('node "datagen_1" has no input port "in"; it has no inputs');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('[data-testid^="pipeline-row-"]')).toHaveCount(rows);
});

test("an old save with an edge to a missing node still opens; the run panel names the edge and removes it", async ({ page, request }) => {
  const graph = {
    schemaVersion: 1, name: "old save",
    nodes: [
      { id: "gen", kind: "datagen", version: 1, position: { x: 80, y: 120 }, config: { columns: [{ name: "id", type: "BIGINT", kind: "sequence", start: 1, end: 5 }] } },
      { id: "out", kind: "collect", version: 1, position: { x: 360, y: 120 }, config: { maxRows: 10 } },
    ],
    edges: [
      { id: "e1", from: { node: "gen", port: "out" }, to: { node: "out", port: "in" } },
      { id: "e_gone", from: { node: "gen", port: "out" }, to: { node: "deleted_node", port: "in" } },
    ],
  };
  await page.goto(`/pipelines/${await createPipeline(request, graph)}`);
  await expect(page.getByTestId("node-out")).toBeVisible();
  await expect(page.getByTestId("run-errors")).toContainText('edge e_gone (gen.out → deleted_node.in): there is no node "deleted_node"');
  await expect(page.getByTestId("run-button")).toBeDisabled();
  await page.getByTestId("remove-edge-e_gone").click();
  await expect(page.getByTestId("run-errors")).toHaveCount(0);
  await expect(page.getByTestId("rf__edge-e1")).toBeVisible();
  await expect(page.getByTestId("run-button")).toBeEnabled();
});

test("a saved version compares with the canvas (added, changed) and restores", async ({ page }) => {
  await chain(page);
  await page.getByTestId("save-version").click();
  await expect(page.getByTestId("version-note")).toContainText("version 1");
  await dragKind(page, "print", { x: 560, y: 320 });
  await clickNode(page, "filter_1");
  await typeText(page, "predicate", "id > 5");
  await page.getByTestId("versions-open").click();
  await page.getByTestId("version-compare-1").click();
  const diff = page.getByTestId("version-diff");
  await expect(diff.getByTestId("node-print_1")).toHaveAttribute("data-mark", "added");
  await expect(diff.getByTestId("node-print_1")).toBeInViewport();
  await expect(diff.getByTestId("node-filter_1")).toHaveAttribute("data-mark", "changed");
  await expect(diff.getByTestId("diff-changed-filter_1")).toContainText("config.predicate");
  await page.getByTestId("version-restore").click();
  await expect(page.getByTestId("node-print_1")).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId("node-print_1")).toBeVisible();
});

test("a stale second tab's save is refused; it can fork its version into a new pipeline", async ({ page, context }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId("canvas")).toBeVisible();

  await dragKind(page, "datagen", { x: 150, y: 150 });
  await waitSaved(page);
  await dragKind(other, "collect", { x: 420, y: 150 });
  await expect(other.getByTestId("save-state")).toHaveAttribute("data-state", "conflict");
  await other.getByTestId("save-version").click();
  await expect(other.getByTestId("version-note")).toContainText(/changed elsewhere/);

  await other.getByTestId("conflict-fork").click();
  await expect(other).not.toHaveURL(url);
  await expect(other.getByTestId("node-collect_1")).toBeVisible();
  await expect(other.getByTestId("pipeline-name")).toHaveValue(/\(fork\)$/);
  await page.reload();
  await expect(page.getByTestId("node-datagen_1")).toBeVisible();
  await expect(page.getByTestId("node-collect_1")).toHaveCount(0);
});

test("quick add (Ctrl/⌘ K) inserts a searched kind onto the selected edge", async ({ page }) => {
  await chain(page);
  // Select the filter → collect edge by clicking a quarter along its path (its row-type label sits in the middle).
  const edge = page.getByTestId("rf__edge-e_filter_1_out_collect_1_in");
  const mid = await edge.locator("path.react-flow__edge-interaction").evaluate((p: SVGPathElement) => {
    const pt = p.getPointAtLength(p.getTotalLength() / 4);
    const m = p.getScreenCTM()!;
    return { x: pt.x * m.a + m.e, y: pt.y * m.d + m.f };
  });
  await page.mouse.click(mid.x, mid.y);
  await expect(edge).toHaveClass(/selected/);
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId("quick-add-input").fill("distinct");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-distinct_1")).toBeVisible();
  await expect(page.getByTestId("rf__edge-e_filter_1_out_distinct_1_in")).toBeVisible();
  await expect(page.getByTestId("rf__edge-e_distinct_1_out_collect_1_in")).toBeVisible();
  await expect(edge).toHaveCount(0);
});

test("the theme toggles to dark and stays so after a reload; palette and canvas tools are reachable with Tab", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  const html = page.locator("html");
  const before = await html.getAttribute("data-theme");
  await page.getByTestId("theme-toggle").click();
  const after = before === "dark" ? "light" : "dark";
  await expect(html).toHaveAttribute("data-theme", after);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", after);

  const reached = new Set<string>();
  await page.getByTestId("pipeline-name").focus();
  for (let i = 0; i < 60 && !(reached.has("palette-datagen") && reached.has("tool-layout")); i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    if (id) reached.add(id);
  }
  expect([...reached]).toEqual(expect.arrayContaining(["palette-datagen", "tool-layout", "export-file"]));
});
