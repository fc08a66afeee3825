// Autosave: edits survive the server being unreachable (local draft, pushed later) and a stale tab is told of a conflict.
import { expect, test } from "@playwright/test";
import { dragKind, waitSaved } from "./helpers";

const SAVE_CALLS = /\/api\/trpc\/[^?]*pipelines\.save/;

test("offline edits are kept locally, restored on reload, and pushed when the server is back", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await dragKind(page, "datagen", { x: 150, y: 150 });
  await waitSaved(page);

  // The server stops answering saves (as when it crashed): the edit lands in the local draft only.
  await page.route(SAVE_CALLS, (r) => r.abort("connectionrefused"));
  await dragKind(page, "filter", { x: 420, y: 150 });
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "offline");

  await page.reload();
  await expect(page.getByTestId("node-filter_1")).toBeVisible();

  await page.unroute(SAVE_CALLS);
  await waitSaved(page);
  // Without the draft, the server's own copy must now hold the filter.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId("node-datagen_1")).toBeVisible();
  await expect(page.getByTestId("node-filter_1")).toBeVisible();
});

test("a tab editing an outdated copy reports a conflict instead of overwriting", async ({ page, context }) => {
  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId("canvas")).toBeVisible();

  await dragKind(page, "datagen", { x: 150, y: 150 });
  await waitSaved(page);
  await dragKind(other, "collect", { x: 420, y: 150 });
  await expect(other.getByTestId("save-state")).toHaveAttribute("data-state", "conflict");

  // The stale tab keeps its version on purpose: it replaces the server copy, which the first tab then loads.
  await other.getByTestId("conflict-keep-mine").click();
  await waitSaved(other);
  await page.reload();
  await expect(page.getByTestId("node-collect_1")).toBeVisible();
  await expect(page.getByTestId("node-datagen_1")).toHaveCount(0);
});
