// A job that fails at runtime in Flink: the page shows FAILED and Flink's root cause (the job page too, on the failing
// node), and the next run still works.
import { expect, test } from "@playwright/test";
import { selectNode, startRun, typeText, waitForRunner } from "./helpers";

test("a runtime failure shows FAILED with Flink's root cause", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("from-example").click();
  await page.getByTestId("example-sensor-alerts.json").click();
  await selectNode(page, "too_hot_or_humid");
  // Type-checks (STRING → INT is a valid cast) but cannot succeed on these values, so Flink fails the job.
  await typeText(page, "predicate", "CAST(CONCAT('n/a ', CAST(sensor_id AS STRING)) AS INT) > 1");
  await expect(page.getByTestId("node-error-too_hot_or_humid")).toHaveCount(0);
  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FAILED", { timeout: 90_000 });
  await expect(page.getByTestId("run-root-cause")).toContainText("n/a");
  // the job page leads its exceptions with the same root cause, on the node whose expression failed
  await page.getByTestId("job-page-link").click();
  await expect(page.getByTestId("exception-root-cause")).toContainText("n/a", { timeout: 30_000 });
  await expect(page.getByTestId("exception-nodes")).toContainText("too_hot_or_humid");
  await expect(page.getByTestId("exception-cause-from")).toHaveCount(0);
  await page.goBack();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FAILED", { timeout: 30_000 });
  await selectNode(page, "too_hot_or_humid");

  // A failed job must leave Flink able to run the next one.
  await typeText(page, "predicate", "temperature > 35");
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });
  await expect(page.getByTestId("rows-table").getByTestId("cell-temperature_c").first()).toBeVisible();
});
