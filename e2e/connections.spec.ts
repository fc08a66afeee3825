// Connections page: a Kafka connection typed in with the keyboard, tested against the real broker's SCRAM listener
// (right, then a wrong password), saved; after a reload the password is nowhere in the page nor in any API answer.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { formatPipelineFile } from "../pipeline/format";
import { graph } from "../pipeline/testing/graphs";
import { testKafka } from "../server/testing/kafka-env";
import { newConnection, selectNode, typeInto } from "./helpers";

test("create a Kafka connection, Test it, and never see its password again", async ({ page }) => {
  const kafka = testKafka();
  const answers: string[] = [];
  page.on("response", async (r) => {
    if (r.url().includes("/api/trpc")) answers.push(await r.text().catch(() => ""));
  });
  await newConnection(page);
  await typeInto(page, "connection-name", "orders-kafka");
  await typeInto(page, "connection-field-bootstrapServers", kafka.saslBootstrap);
  await page.getByTestId("connection-field-securityProtocol").selectOption("SASL_PLAINTEXT");
  await page.getByTestId("connection-field-saslMechanism").selectOption("SCRAM-SHA-256");
  await typeInto(page, "connection-field-username", kafka.user);
  await typeInto(page, "connection-field-password", "not-the-password");
  await page.getByTestId("connection-test").click();
  const result = page.getByTestId("connection-test-result");
  await expect(result).toHaveAttribute("data-state", "failed", { timeout: 30_000 });
  await expect(result).toContainText("authentication failed at");

  await typeInto(page, "connection-field-password", kafka.password);
  await page.getByTestId("connection-test").click();
  await expect(result).toHaveAttribute("data-state", "ok", { timeout: 30_000 });
  await expect(result).toContainText("connected: 1 broker");
  await page.getByTestId("connection-save").click();
  const row = page.locator('[data-testid=connection-row][data-name="orders-kafka"]');
  await expect(row).toBeVisible();
  await expect(row.getByTestId("connection-summary")).toContainText(`${kafka.saslBootstrap} (SASL_PLAINTEXT SCRAM-SHA-256 as ${kafka.user})`);

  await page.reload();
  await expect(row).toBeVisible();
  await row.getByTestId("connection-edit").click();
  const password = page.getByTestId("connection-field-password");
  await expect(password).toHaveValue("");
  await expect(password).toHaveAttribute("placeholder", "saved; type to replace");
  // Test of the saved connection (the password field left empty: the saved one is used)
  await row.getByTestId("connection-row-test").click();
  await expect(page.getByTestId("connection-row-test-of").getByTestId("connection-test-result")).toHaveAttribute("data-state", "ok", { timeout: 30_000 });
  expect(await page.content()).not.toContain(kafka.password);
  for (const a of answers) expect(a).not.toContain(kafka.password);
});

test("importing a pipeline whose connection is missing says which connection to create", async ({ page }, info) => {
  const file = info.outputPath("clicks.streamcanvas.json");
  fs.writeFileSync(file, formatPipelineFile(graph([
    { id: "clicks", kind: "kafka-source", config: { connection: "clicks-kafka", topic: "clicks", columns: [{ name: "url", type: "STRING" }] } },
    { id: "out", kind: "collect", config: { maxRows: 10 } },
  ], ["clicks->out"], "clicks")));
  // from the pipeline list: created, and the list says what to create before it can run
  await page.goto("/");
  await page.getByTestId("import-pipeline-input").setInputFiles(file);
  const note = page.getByTestId("import-missing-connections");
  await expect(note).toHaveAttribute("data-missing", "clicks-kafka");
  await expect(note).toContainText("npx streamcanvas connections add clicks-kafka --kind kafka");
  await page.getByTestId("import-open").click();
  await expect(page.getByTestId("node-clicks")).toBeVisible();
  // the node's connection field says the named connection does not exist here
  await selectNode(page, "clicks");
  await expect(page.getByTestId("connection-missing-connection")).toContainText("No kafka connection named “clicks-kafka” on this server");
  // over an open pipeline in the editor: the same note after the canvas is replaced
  await page.getByTestId("import-file-input").setInputFiles(file);
  await page.getByTestId("import-confirm-replace").click();
  await expect(page.getByTestId("import-missing-connections")).toHaveAttribute("data-missing", "clicks-kafka");
  await page.getByTestId("import-connections-link").click();
  await expect(page.getByTestId("connections-page")).toBeVisible();
});
