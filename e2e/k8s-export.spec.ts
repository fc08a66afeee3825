// Export for Kubernetes from the editor: pick session mode, be told what is missing, give it, see the manifests and
// download the build context (a zip holding the Dockerfile, the manifests and the jars it copies).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createPipeline } from "./helpers";

test("the Kafka example exports as a session cluster and job, and its build context downloads as a zip", async ({ page, request }) => {
  const graph = JSON.parse(fs.readFileSync(path.resolve("examples/kafka/paid-orders-exactly-once.json"), "utf8"));
  await page.goto(`/pipelines/${await createPipeline(request, graph)}`);
  await page.getByTestId("k8s-export").click();
  await page.getByTestId("k8s-mode").selectOption("session");
  await page.getByTestId("k8s-generate").click();
  await expect(page.getByTestId("k8s-error")).toContainText("session mode needs --jar-uri");

  await page.getByTestId("k8s-jar-uri").pressSequentially("https://artifacts.example.com/paid-orders.jar");
  // pod resources: a size the operator cannot read is refused naming the field, then the typed ones reach the manifests
  await page.getByTestId("k8s-tm-memory").pressSequentially("4 GB");
  await page.getByTestId("k8s-generate").click();
  await expect(page.getByTestId("k8s-error")).toContainText("a size such as 2048m or 2g");
  await page.getByTestId("k8s-tm-memory").fill("");
  await page.getByTestId("k8s-tm-memory").pressSequentially("4g");
  await page.getByTestId("k8s-slots").pressSequentially("3");
  await page.getByTestId("k8s-generate").click();
  const cluster = page.getByTestId("k8s-file-flink-session-cluster.yaml");
  await expect(cluster).toContainText('memory: "4g"');
  await expect(cluster).toContainText('taskmanager.numberOfTaskSlots: "3"');
  const job = page.getByTestId("k8s-file-flink-session-job.yaml");
  await expect(job).toContainText('kind: "FlinkSessionJob"');
  await expect(job).toContainText('jarURI: "https://artifacts.example.com/paid-orders.jar"');
  await expect(cluster).toContainText('secretName: "streamcanvas-connections"');
  await expect(page.getByTestId("k8s-jars")).toContainText("kafka-clients-");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("k8s-download").click()]);
  const listing = execFileSync("jar", ["tf", (await download.path())!], { encoding: "utf8" }).split("\n");
  const name = "kafka-orders-paid-orders-exactly-once";
  expect(listing).toEqual(expect.arrayContaining([`${name}/Dockerfile`, `${name}/flink-session-job.yaml`, `${name}/${name}.jar`]));
  expect(listing.some((f) => /\/lib\/flink-connector-kafka-.*\.jar$/.test(f))).toBe(true);
});
