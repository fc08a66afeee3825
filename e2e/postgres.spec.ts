// PostgreSQL end to end in Chromium against the stage's PostgreSQL: a connection made on the Connections page, then a
// stream ⨝ lookup join on a PostgreSQL table → PostgreSQL upsert sink drawn from the palette (the table fields list the
// database's tables and take their columns and key), run to the end; a PostgreSQL source on the written table, previewed,
// shows the rows the sink upserted.
import { expect, test } from "@playwright/test";
import { testPostgres, testPsql } from "../server/testing/postgres-env";
import { connect, dragKind, newConnection, selectNode, startRun, typeInto, typeText } from "./helpers";

test("draw values ⨝ lookup join (PostgreSQL) → PostgreSQL upsert sink, run it, preview the table it wrote", async ({ page }) => {
  testPsql("CREATE SCHEMA IF NOT EXISTS e2e_pg; DROP TABLE IF EXISTS e2e_pg.tiers, e2e_pg.enriched;"
    + " CREATE TABLE e2e_pg.tiers (id BIGINT PRIMARY KEY, tier TEXT); INSERT INTO e2e_pg.tiers VALUES (1, 'gold'), (2, 'silver'), (3, 'bronze');"
    + " CREATE TABLE e2e_pg.enriched (id BIGINT PRIMARY KEY, name TEXT, right_id BIGINT, tier TEXT); INSERT INTO e2e_pg.enriched VALUES (2, 'old', 2, 'tin')");
  const pg = testPostgres();

  await newConnection(page, "postgres");
  await typeInto(page, "connection-name", "e2e-pg");
  await typeInto(page, "connection-field-host", pg.host);
  await typeInto(page, "connection-field-port", String(pg.port));
  await typeInto(page, "connection-field-database", pg.database);
  await typeInto(page, "connection-field-user", pg.user);
  await typeInto(page, "connection-field-password", pg.password);
  await page.getByTestId("connection-field-sslmode").selectOption("disable");
  await page.getByTestId("connection-test").click();
  await expect(page.getByTestId("connection-test-result")).toHaveAttribute("data-state", "ok", { timeout: 30_000 });
  await page.getByTestId("connection-save").click();
  await expect(page.getByTestId("connection-row").filter({ hasText: "e2e-pg" })).toHaveCount(1);

  await page.goto("/");
  await page.getByTestId("new-pipeline").click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await dragKind(page, "values", { x: 100, y: 120 });
  await dragKind(page, "lookup-join", { x: 360, y: 120 });
  await dragKind(page, "jdbc-sink", { x: 620, y: 120 });
  await connect(page, "handle-values_1-out-out", "handle-lookup_join_1-in-left");
  await connect(page, "handle-lookup_join_1-out-out", "handle-jdbc_sink_1-in-in");

  // the lookup: the table from the connection's list, its columns taken with their Flink types, keyed by id
  await selectNode(page, "lookup_join_1");
  await typeText(page, "connection", "e2e-pg");
  await typeText(page, "schema", "e2e_pg");
  await typeText(page, "table", "tiers");
  await expect(page.getByTestId("table-columns-table")).toHaveText("id BIGINT, tier STRING; primary key (id)", { timeout: 30_000 });
  await page.getByTestId("use-table-columns-table").click();
  await expect(page.getByTestId("field-columns.1.type")).toHaveValue("STRING");
  await page.getByTestId("add-keys").click();
  await typeText(page, "keys.0.left", "id");
  await typeText(page, "keys.0.right", "id");

  await selectNode(page, "jdbc_sink_1");
  await typeText(page, "connection", "e2e-pg");
  await typeText(page, "schema", "e2e_pg");
  await typeText(page, "table", "enriched");
  await page.getByTestId("use-table-key-table").click({ timeout: 30_000 });
  await expect(page.getByTestId("field-primaryKey.0")).toHaveValue("id");
  await expect(page.getByTestId("inspector-errors")).toHaveCount(0);

  await startRun(page);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "FINISHED", { timeout: 90_000 });

  // read the table back: a PostgreSQL source on it, previewed (a preview writes nothing)
  await dragKind(page, "jdbc-source", { x: 100, y: 360 });
  await selectNode(page, "jdbc_source_1");
  await typeText(page, "connection", "e2e-pg");
  await typeText(page, "schema", "e2e_pg");
  await typeText(page, "table", "enriched");
  await page.getByTestId("use-table-columns-table").click({ timeout: 30_000 });
  await page.getByTestId("preview-button").click();
  const panel = page.getByTestId("preview-panel");
  await expect(panel).toHaveAttribute("data-phase", "done", { timeout: 60_000 });
  const table = panel.getByTestId("rows-table");
  expect((await table.getByTestId("cell-id").allTextContents()).sort()).toEqual(["1", "2"]);
  expect((await table.getByTestId("cell-name").allTextContents()).sort()).toEqual(["first", "second"]);
  expect((await table.getByTestId("cell-tier").allTextContents()).sort()).toEqual(["gold", "silver"]);
});
