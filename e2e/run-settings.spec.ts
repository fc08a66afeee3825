// Run settings: typed into the run panel, they are saved with the pipeline (a reload shows them), and the job page of the
// run they started shows them as Flink applied them.
import { expect, test, type Locator } from "@playwright/test";
import { createPipeline, startRun, waitForRunner, waitSaved } from "./helpers";

const graph = {
  schemaVersion: 1, name: "Settings", edges: [{ id: "e1", from: { node: "gen", port: "out" }, to: { node: "out", port: "in" } }],
  nodes: [
    { id: "gen", kind: "datagen", version: 1, position: { x: 0, y: 0 },
      config: { columns: [{ name: "id", type: "BIGINT", kind: "random", min: 1, max: 100 }], rowsPerSecond: 20 } },
    { id: "out", kind: "blackhole", version: 1, position: { x: 300, y: 0 }, config: {} },
  ],
};

/** Replaces a field's text by typing, as a user does. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press("ControlOrMeta+a");
  await field.pressSequentially(text);
}

test("run settings survive a reload and show on the job page of the run", async ({ page, request }) => {
  const id = await createPipeline(request, graph);
  await page.goto(`/pipelines/${id}`);
  await waitForRunner(page);
  // an old (schema 1) save opens with the default settings
  await expect(page.getByTestId("run-parallelism")).toHaveValue("1");
  await expect(page.getByTestId("run-checkpoint-interval")).toHaveValue("");

  await typeInto(page.getByTestId("run-parallelism"), "2");
  await typeInto(page.getByTestId("run-checkpoint-interval"), "3");
  await page.getByTestId("run-settings-toggle").click();
  await expect(page.getByTestId("run-restart-default")).toContainText("exponential-delay");
  await page.getByTestId("run-restart-strategy").selectOption("fixed-delay");
  await typeInto(page.getByTestId("run-restart-attempts"), "5");
  await typeInto(page.getByTestId("run-restart-delayMs"), "2.5");
  await page.getByTestId("run-state-backend").selectOption("rocksdb");
  await typeInto(page.getByTestId("run-state-ttl"), "600");
  await waitSaved(page);

  await page.reload();
  await waitForRunner(page);
  await expect(page.getByTestId("run-parallelism")).toHaveValue("2");
  await expect(page.getByTestId("run-checkpoint-interval")).toHaveValue("3");
  await page.getByTestId("run-settings-toggle").click();
  await expect(page.getByTestId("run-restart-strategy")).toHaveValue("fixed-delay");
  await expect(page.getByTestId("run-restart-attempts")).toHaveValue("5");
  await expect(page.getByTestId("run-restart-delayMs")).toHaveValue("2.5");
  await expect(page.getByTestId("run-state-backend")).toHaveValue("rocksdb");
  await expect(page.getByTestId("run-state-ttl")).toHaveValue("600");
  await expect(page.getByTestId("run-checkpoint-mode")).toHaveValue("exactly-once");

  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  await page.getByTestId("job-page-link").click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{32}$/);
  await expect(page.getByTestId("job-setting-parallelism")).toHaveText("2");
  await expect(page.getByTestId("job-setting-checkpoints")).toHaveText("every 3 s, exactly-once");
  await expect(page.getByTestId("job-setting-restart")).toHaveText("fixed-delay: attempts 5, delay 2.5 s");
  await expect(page.getByTestId("job-setting-state-backend")).toHaveText("RocksDB");
  await expect(page.getByTestId("job-setting-state-ttl")).toHaveText("600 s");
  await expect(page.getByTestId("job-setting-idle-timeout")).toHaveText("none");
  await page.getByTestId("job-stop").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "CANCELED", { timeout: 30_000 });
});
