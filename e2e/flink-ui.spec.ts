// Flink's web UI through StreamCanvas: the job page's link opens Flink's own dashboard (served read-only under /flink/,
// since Flink's REST endpoint accepts only the runner's client certificate) showing the running job; a cancel or a
// savepoint sent through it is refused and the job runs on.
import { expect, test } from "@playwright/test";
import { createPipeline, endlessSensorAlerts, startRun, waitForRunner } from "./helpers";

test("the job page's Flink web UI link shows the running job; the proxy refuses cancel and savepoints", async ({ page, request, browser }) => {
  const id = await createPipeline(request, endlessSensorAlerts());
  await page.goto(`/pipelines/${id}`);
  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  await page.getByTestId("job-page-link").click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{32}$/);
  const jobId = page.url().split("/").at(-1)!;
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "RUNNING");

  const link = page.getByTestId("job-flink-link");
  await expect(link).toHaveAttribute("href", `/flink/index.html#/job/running/${jobId}/overview`);
  const [flink] = await Promise.all([page.waitForEvent("popup"), link.click()]);
  // Flink's dashboard, from this server's origin, on the job's page: its id and state come from Flink's REST API
  expect(new URL(flink.url()).pathname).toBe("/flink/index.html");
  await expect(flink.locator("flink-root")).toContainText(jobId, { timeout: 60_000 });
  await expect(flink.locator("flink-root")).toContainText("RUNNING");
  await flink.screenshot({ path: test.info().outputPath("flink-ui.png") });

  // from the dashboard's own page (same origin, signed in, JSON): the proxy lets only GETs through
  const tries = await flink.evaluate(async (jid) => {
    const send = (method: string, path: string, body?: unknown) => fetch(path, {
      method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, text: await r.text() }));
    return [
      await send("PATCH", `jobs/${jid}?mode=cancel`),
      await send("POST", `jobs/${jid}/savepoints`, { "target-directory": "file:///tmp/elsewhere", "cancel-job": true }),
      await send("POST", `jobs/${jid}/stop`, { targetDirectory: "file:///tmp/elsewhere", drain: false }),
      await send("GET", `jobs/${jid}`),
    ];
  }, jobId);
  for (const t of tries.slice(0, 3)) {
    expect(t.status).toBe(405);
    expect(t.text).toContain("read-only");
  }
  expect(tries[3]!.status).toBe(200);
  expect(JSON.parse(tries[3]!.text)).toMatchObject({ jid: jobId, state: "RUNNING" });
  await flink.close();

  // without the access cookie the proxy answers nothing of Flink's, like every page
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const denied = await anonymous.request.get(`/flink/jobs/${jobId}`);
  expect(denied.status()).toBe(401);
  expect(await denied.text()).not.toContain(jobId);
  await anonymous.close();

  // the job runs on; StreamCanvas's own control still stops it
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "RUNNING");
  await page.getByTestId("job-stop").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "CANCELED", { timeout: 30_000 });
});
