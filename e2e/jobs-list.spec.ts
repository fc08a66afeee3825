// Jobs list: a running job's rates are the job page's own figures (compared at the same poll), and internal jobs
// (the runner's warm-up job, previews) stay out of the list until "show internal jobs" is ticked.
import { expect, test, type Locator } from "@playwright/test";
import { createPipeline, endlessSensorAlerts, selectNode, startRun, waitForRunner } from "./helpers";

/** The figure's text and the poll it comes from, read together. */
const figure = (l: Locator) => l.evaluate((el) => ({ at: (el as HTMLElement).dataset.figuresAt ?? "", text: el.textContent ?? "" }));

test("the jobs list shows the job page's rates and hides internal jobs until asked", async ({ page, context, request }) => {
  const id = await createPipeline(request, endlessSensorAlerts());
  await page.goto(`/pipelines/${id}`);
  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  // a preview of the source: an internal job
  await selectNode(page, "readings");
  await page.getByTestId("preview-button").click();
  await expect(page.getByTestId("preview-panel")).toHaveAttribute("data-phase", "done", { timeout: 60_000 });
  await page.getByTestId("job-page-link").click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{32}$/);
  const jobId = page.url().split("/").at(-1)!;

  const list = await context.newPage();
  await list.goto("/jobs");
  const row = list.locator(`[data-testid=job-row][data-job-id="${jobId}"]`);
  await expect(row).toHaveAttribute("data-status", "RUNNING");

  // once rows flow, the same poll on both pages shows the same figures (a list reading 0.0/s would differ)
  const pagesIn = page.getByTestId("job-total-in");
  const listIn = row.getByTestId("job-in-rate");
  await expect.poll(async () => Number.parseFloat((await figure(pagesIn)).text) || 0, { timeout: 30_000 }).toBeGreaterThan(0);
  const compared: string[] = [];
  for (let i = 0; i < 120 && compared.length < 3; i++) {
    const [a, b] = [await figure(pagesIn), await figure(listIn)];
    if (a.at !== "" && a.at === b.at) {
      expect(b.text).toBe(a.text);
      compared.push(a.text);
    }
    await list.waitForTimeout(250);
  }
  expect(compared).toHaveLength(3);
  expect(compared.some((t) => Number.parseFloat(t) > 0)).toBe(true);
  const pagesOut = await figure(page.getByTestId("job-total-out"));
  expect(pagesOut.text).toMatch(/\/s$/);

  // internal jobs: hidden (and counted), then listed once ticked, marked with what they are
  const internal = list.locator("[data-testid=job-row][data-internal]:not([data-internal=''])");
  await expect(list.getByTestId("jobs-hidden-count")).toBeVisible();
  await expect(internal).toHaveCount(0);
  await list.getByTestId("jobs-show-internal").check();
  await expect(list.locator("[data-testid=job-row][data-internal=warm-up]")).toHaveCount(1);
  await expect(list.locator("[data-testid=job-row][data-internal=preview]").first()).toBeVisible();
  await expect(row).toHaveCount(1); // the real run stays
  await list.getByTestId("jobs-show-internal").uncheck();
  await expect(internal).toHaveCount(0);
  await expect(row).toHaveCount(1);

  await page.getByTestId("job-stop").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "CANCELED", { timeout: 30_000 });
});
