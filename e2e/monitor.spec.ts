// Monitor: an example made unbounded runs; its job page shows live rates on the canvas and a moving chart; it is
// stopped with a savepoint whose path is shown; the jobs page lists it with its final state. A TS map shows its UDF figures.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createPipeline, endlessSensorAlerts, startRun, waitForRunner } from "./helpers";

type Graph = { name: string; nodes: { id: string; kind: string; config: Record<string, unknown> }[] };

const rate = (text: string | null) => {
  const m = /^([\d.]+)(k|M)?\/s$/.exec((text ?? "").trim());
  return m ? Number(m[1]) * (m[2] === "k" ? 1e3 : m[2] === "M" ? 1e6 : 1) : 0;
};

test("a running job shows live rates on its canvas and a moving chart, and stops with a savepoint", async ({ page, request }) => {
  const id = await createPipeline(request, endlessSensorAlerts());

  await page.goto(`/pipelines/${id}`);
  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  await page.getByTestId("job-page-link").click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{32}$/);
  const jobId = page.url().split("/").at(-1)!;

  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "RUNNING");
  for (const n of ["readings", "too_hot_or_humid", "alert", "alerts", "log"]) await expect(page.getByTestId(`mnode-${n}`)).toBeInViewport();
  // a non-zero rate on the source node, and rows arriving at the collect sink
  await expect.poll(async () => rate(await page.getByTestId("figure-out-readings").textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(async () => rate(await page.getByTestId("figure-in-alerts").textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
  // the filter and select were fused by Flink into one chained group, and the node says so
  await expect(page.getByTestId("chained-too_hot_or_humid")).toBeVisible();

  // the throughput chart moves: it gains points as snapshots arrive
  const chart = page.getByTestId("chart-throughput");
  const points = Number(await chart.getAttribute("data-points"));
  await expect.poll(async () => Number(await chart.getAttribute("data-points")), { timeout: 15_000 }).toBeGreaterThan(points + 1);
  await expect(chart.locator("canvas")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("job-page.png"), fullPage: true });

  await page.getByTestId("job-stop-savepoint").click();
  await expect(page.getByTestId("savepoint-path")).toContainText("savepoint-", { timeout: 90_000 });
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 30_000 });
  // the savepoint is offered for a resume, which starts a new job restored from it
  await expect(page.getByTestId("savepoint-select")).toContainText("savepoint-");
  const savepoint = (await page.getByTestId("savepoint-path").textContent())!.trim();
  await page.getByTestId("job-resume").click();
  await expect(page).not.toHaveURL(new RegExp(`/jobs/${jobId}$`), { timeout: 60_000 });
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  await expect(page.getByTestId("restored-from")).toHaveText(savepoint, { timeout: 30_000 });
  await page.getByTestId("job-stop").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "CANCELED", { timeout: 30_000 });

  await page.getByTestId("nav-jobs").click();
  const row = page.locator(`[data-testid=job-row][data-job-id="${jobId}"]`);
  await expect(row).toHaveAttribute("data-status", "FINISHED");
  await page.getByTestId("jobs-filter-running").click();
  await expect(row).toHaveCount(0);
  await page.getByTestId("jobs-filter-finished").click();
  await expect(row).toHaveCount(1);
});

test("a running TS map's node shows its UDF rows and batches, growing", async ({ page, request }) => {
  const g = JSON.parse(fs.readFileSync(path.resolve("examples/ts-map-enrich.json"), "utf8")) as Graph;
  const src = g.nodes.find((n) => n.id === "orders")!;
  // endless: random order ids instead of a 100-row sequence
  src.config = { ...src.config, columns: (src.config.columns as { kind: string }[]).map((c) =>
    (c.kind === "sequence" ? { ...c, kind: "random", min: 1, max: 1_000_000, start: undefined, end: undefined } : c)) };
  const id = await createPipeline(request, { ...g, name: "TS map (endless)" });
  await page.goto(`/pipelines/${id}`);
  await waitForRunner(page);
  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
  await page.getByTestId("job-page-link").click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{32}$/);

  const count = async (testId: string) => {
    const m = /^([\d.]+)(k|M)?$/.exec(((await page.getByTestId(testId).textContent()) ?? "").trim());
    return m ? Number(m[1]) * (m[2] === "k" ? 1e3 : m[2] === "M" ? 1e6 : 1) : 0;
  };
  await expect(page.getByTestId("udf-figures-enrich")).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => count("udf-rows-enrich"), { timeout: 30_000 }).toBeGreaterThan(0);
  const rows = await count("udf-rows-enrich");
  const batches = await count("udf-batches-enrich");
  await expect.poll(() => count("udf-rows-enrich"), { timeout: 30_000 }).toBeGreaterThan(rows);
  await expect.poll(() => count("udf-batches-enrich"), { timeout: 30_000 }).toBeGreaterThan(batches);
  await expect(page.getByTestId("udf-latency-enrich")).toHaveText(/ms|s$/);
  // the source and the sink are no UDFs
  await expect(page.getByTestId("udf-figures-orders")).toHaveCount(0);
  await page.getByTestId("job-stop").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "CANCELED", { timeout: 30_000 });
});
