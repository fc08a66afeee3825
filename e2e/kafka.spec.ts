// Kafka end to end in Chromium against the test broker: a connection made on the Connections page (Test, Save), then
// Kafka → filter → upsert-Kafka drawn from the palette, the source's columns proposed from the topic's messages and
// used, run; the job page shows the rows the sink sent (more as more messages arrive), the source's consumer lag, and
// (bad messages skipped) how many messages it skipped.
import { expect, test } from "@playwright/test";
import { testKafka } from "../server/testing/kafka-env";
import { createTopic, produce } from "../server/testing/kafka-tool";
import { connect, dragKind, newConnection, selectNode, startRun, typeInto, typeText } from "./helpers";

const order = (i: number) => ({ key: String(i), partition: i % 2, value: JSON.stringify({ order_id: i, customer: `c${i % 5}`, amount: i * 1.5 }) });

test("create a Kafka connection, draw Kafka → filter → upsert-Kafka with the sampled type, run it, see rows and lag", async ({ page }) => {
  const k = testKafka();
  createTopic(k.bootstrap, "e2e-orders", 2);
  createTopic(k.bootstrap, "e2e-big-orders", 1);
  produce(k.bootstrap, "e2e-orders", Array.from({ length: 40 }, (_, i) => order(i)));

  await newConnection(page);
  await typeInto(page, "connection-name", "e2e-kafka");
  await typeInto(page, "connection-field-bootstrapServers", k.bootstrap);
  await page.getByTestId("connection-test").click();
  await expect(page.getByTestId("connection-test-result")).toHaveAttribute("data-state", "ok", { timeout: 30_000 });
  await page.getByTestId("connection-save").click();
  await expect(page.getByTestId("connection-row").filter({ hasText: "e2e-kafka" })).toHaveCount(1);

  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await dragKind(page, "kafka-source", { x: 120, y: 120 });
  await dragKind(page, "filter", { x: 380, y: 300 });
  await dragKind(page, "upsert-kafka-sink", { x: 640, y: 120 });
  await connect(page, "handle-kafka_source_1-out-out", "handle-filter_1-in-in");
  await connect(page, "handle-filter_1-out-out", "handle-upsert_kafka_sink_1-in-in");

  // the source: its connection, a topic the connection lists, and columns proposed from the latest messages
  await selectNode(page, "kafka_source_1");
  await typeText(page, "connection", "e2e-kafka");
  await typeText(page, "topic", "e2e-orders");
  await expect(page.getByTestId("topics-topic")).toContainText("e2e-orders: 2 partitions", { timeout: 30_000 });
  await page.getByTestId("propose-columns-button").click();
  await expect(page.getByTestId("propose-source")).toContainText("e2e-orders: the latest 40 messages of 2 partitions", { timeout: 30_000 });
  await expect(page.getByTestId("proposed-column")).toHaveCount(3);
  for (const [i, name, type] of [[0, "order_id", "BIGINT"], [1, "customer", "STRING"], [2, "amount", "DOUBLE"]] as const) {
    await expect(page.getByTestId(`proposed-name-${i}`)).toHaveValue(name);
    await expect(page.getByTestId(`proposed-type-${i}`)).toHaveValue(type);
  }
  await page.getByTestId("propose-apply").click();
  await expect(page.getByTestId("field-columns.2.type")).toHaveValue("DOUBLE");
  await page.getByTestId("field-badMessages").selectOption("skip");

  await selectNode(page, "filter_1");
  await typeText(page, "predicate", "amount >= 30");
  await selectNode(page, "upsert_kafka_sink_1");
  await typeText(page, "connection", "e2e-kafka");
  await typeText(page, "topic", "e2e-big-orders");
  await page.getByTestId("add-primaryKey").click();
  await typeText(page, "primaryKey.0", "order_id");
  await expect(page.getByTestId("inspector-errors")).toHaveCount(0);

  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "RUNNING", { timeout: 90_000 });
  await page.getByTestId("job-page-link").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "RUNNING");
  // orders 20..39 have amount >= 30; the source has read all 40 (nothing behind)
  await expect(page.getByTestId("sink-sent-upsert_kafka_sink_1")).toHaveAttribute("data-sent", "20", { timeout: 60_000 });
  await expect(page.getByTestId("kafka-lag-total-kafka_source_1")).toHaveAttribute("data-lag", "0", { timeout: 30_000 });
  await expect(page.getByTestId("kafka-partition-kafka_source_1")).toHaveCount(2);
  await expect(page.getByTestId("kafka-skipped-kafka_source_1")).toHaveAttribute("data-skipped", "0");
  // rows keep arriving while it runs, among them 3 messages JSON cannot read, which the source skips and counts
  const bad = [{ key: "b1", partition: 0, value: "{not json" }, { key: "b2", partition: 1, value: "<order id=51/>" }, { key: "b3", partition: 1, value: "{\"order_id\": " }];
  produce(k.bootstrap, "e2e-orders", [...Array.from({ length: 10 }, (_, i) => order(40 + i)), ...bad]);
  await expect(page.getByTestId("sink-sent-upsert_kafka_sink_1")).toHaveAttribute("data-sent", "30", { timeout: 60_000 });
  await expect(page.getByTestId("kafka-lag-total-kafka_source_1")).toHaveAttribute("data-lag", "0", { timeout: 30_000 });
  await expect(page.getByTestId("kafka-skipped-kafka_source_1")).toHaveAttribute("data-skipped", String(bad.length), { timeout: 30_000 });
  await page.getByTestId("kafka-panel").screenshot({ path: test.info().outputPath("kafka-panel.png") });
  await page.getByTestId("job-stop").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "CANCELED", { timeout: 30_000 });
});
