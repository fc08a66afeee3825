// Shared steps for the browser specs: palette drag-and-drop, handle-to-handle connections, waiting for the runner.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/** Drags a palette item onto the canvas (HTML5 drag and drop), dropping it at a point relative to the canvas. */
export async function dragKind(page: Page, kind: string, at: { x: number; y: number }) {
  // The runner banner goes away once Flink is up and shifts the palette; a drag across that shift picks the wrong item.
  await waitForRunner(page);
  const nodes = page.locator(`[data-testid^="node-${kind.replace(/[^A-Za-z0-9]+/g, "_")}_"]`);
  const before = await nodes.count();
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId("canvas"), { targetPosition: at });
  await expect(nodes).toHaveCount(before + 1);
}

/**
 * Creates a pipeline through the API as this server's own page would (the request fixture carries the signed-in cookie
 * of playwright.config.ts; a state change by cookie also needs this server's Origin). Returns the new id.
 */
export async function createPipeline(request: APIRequestContext, graph: unknown): Promise<string> {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const res = await request.post("/api/trpc/pipelines.create", { data: { graph: JSON.parse(JSON.stringify(graph)) }, headers: { origin } });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()).result.data as { id: string }).id;
}

/** Connects two handles with the mouse, as a user would: press on one, move, release on the other. */
export async function connect(page: Page, fromTestId: string, toTestId: string) {
  const from = await page.getByTestId(fromTestId).boundingBox();
  const to = await page.getByTestId(toTestId).boundingBox();
  if (!from || !to) throw new Error(`handle not visible: ${!from ? fromTestId : toTestId}`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Selects a node by clicking its title area (not a handle). */
export async function selectNode(page: Page, nodeId: string) {
  await page.getByTestId(`node-${nodeId}`).click({ position: { x: 40, y: 14 } });
  await expect(page.getByTestId("inspector-node-id")).toHaveText(nodeId);
}

export async function waitForRunner(page: Page) {
  // The first run of a test session may wait for Flink to boot (or for the Maven/Next builds behind it).
  await expect(page.getByTestId("runner-pill")).toHaveAttribute("data-state", "ready", { timeout: 180_000 });
}

export async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
}

/** Clicks Run and waits until the panel shows the new run (not the previous one, whose status may already be final). */
export async function startRun(page: Page) {
  const panel = page.getByTestId("run-panel");
  const before = await panel.getAttribute("data-run-id");
  await page.getByTestId("run-button").click();
  await expect(panel).not.toHaveAttribute("data-run-id", before ?? "", { timeout: 60_000 });
}

/** The selected node's UDF code editor (Monaco), once it has loaded. */
export async function udfEditor(page: Page) {
  const editor = page.getByTestId("udf-editor");
  await expect(editor).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
  return editor;
}

/** Replaces the code in the open UDF editor by typing it with the keyboard, as a user writes it (see typeUdfAtEnd). */
export async function typeUdfCode(page: Page, code: string) {
  const editor = await udfEditor(page);
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await typeUdfAtEnd(page, code);
}

/** Types text at the end of the focused UDF editor, key by key. Monaco helps as it does a user, and the text that
 *  ends up in the editor is still exactly `text`: a closing bracket or quote typed where Monaco already closed one
 *  types over it; closers Monaco added ahead of the cursor for a line that leaves them open are deleted before Enter;
 *  the indentation Monaco gives a new line is replaced by the line's own; a completion list is dismissed before Enter
 *  (which would accept it). Call udfText to check. */
export async function typeUdfAtEnd(page: Page, text: string) {
  const kb = page.keyboard;
  for (const [i, line] of text.split("\n").entries()) {
    if (i > 0) {
      await kb.press("Escape");
      await kb.press("Enter");
      await kb.press("Shift+Home"); // on a blank line, from Monaco's indentation back to column 1
      await kb.press("Delete");
    }
    await kb.type(line);
    await kb.press("Shift+ControlOrMeta+End");
    await kb.press("Delete");
  }
}

/** The code in the open UDF editor as Monaco holds it (its model), to check what typing produced. */
export async function udfText(page: Page): Promise<string> {
  const editor = await udfEditor(page);
  return editor.evaluate(async (host) => {
    const url = "/monaco/monaco.js"; // the page's own Monaco module (already loaded: same instance)
    const monaco = await import(/* webpackIgnore: true */ url);
    const open = (monaco.editor.getEditors() as { getContainerDomNode(): Node; getValue(): string }[])
      .find((e) => host.contains(e.getContainerDomNode()));
    if (!open) throw new Error("no Monaco editor in the UDF editor host");
    return open.getValue();
  });
}

/** Replaces a field's text by typing it key by key, as a user writes an expression or a type; then closes the
 *  expression field's completion list (it would cover what is below) and checks the field holds exactly `text`. */
export async function typeText(page: Page, field: string, text: string) {
  const input = page.getByTestId(`field-${field}`);
  await input.click();
  await input.press("ControlOrMeta+A");
  await input.press("Backspace");
  await input.pressSequentially(text);
  await input.press("Escape");
  await expect(input).toHaveValue(text);
}

type Graph = { name: string; nodes: { id: string; kind: string; config: Record<string, unknown> }[] };

/** The sensor-alerts example with an endless source (random ids, no row limit), so there is a running job to watch. */
export function endlessSensorAlerts(): Graph {
  const g = JSON.parse(fs.readFileSync(path.resolve("examples/sensor-alerts.json"), "utf8")) as Graph;
  const src = g.nodes.find((n) => n.id === "readings")!;
  const columns = src.config.columns as { name: string; kind: string }[];
  src.config = {
    ...src.config, numberOfRows: undefined, rowsPerSecond: 100,
    columns: columns.map((c) => (c.kind === "sequence" ? { ...c, kind: "random", min: 1, max: 1_000_000, start: undefined, end: undefined } : c)),
  };
  return { ...g, name: "Sensor alerts (endless)" };
}

/** Types into a plain input as a user does: click, select what is there, type (no paste, no fill). */
export async function typeInto(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

/** Header → Connections → New (of `kind`, when not the default Kafka), once the runner is up (Test goes through it). */
export async function newConnection(page: Page, kind?: string) {
  await page.goto("/");
  await page.getByTestId("nav-connections").click();
  await expect(page.getByTestId("connections-page")).toBeVisible();
  await waitForRunner(page);
  await page.getByTestId("connection-new").click();
  if (kind) await page.getByTestId("connection-kind").selectOption(kind);
}
