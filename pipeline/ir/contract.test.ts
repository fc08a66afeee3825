// The IR contract file: irContract() equals pipeline/fixtures/ir-contract.json (UPDATE_GOLDEN=1 rewrites it; the Java
// IrContractTest then holds Statement, Translators and the connector allow-lists to it), and every fixture keeps to it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { connectorProblem } from "./connectors";
import { irContract } from "./contract";
import { StatementSchema, TableProgramSchema } from "./index";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");
const FILE = path.join(FIXTURES, "ir-contract.json");

describe("IR contract", () => {
  it("the contract file is what the op modules and the connector table say", () => {
    const text = `${JSON.stringify(irContract(), null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(FILE)) writeFileSync(FILE, text);
    expect(readFileSync(FILE, "utf8"), "pipeline/fixtures/ir-contract.json is stale: run with UPDATE_GOLDEN=1").toBe(text);
  });

  it("lists every op of the statement schema, with the fields its schema declares", () => {
    const ops = irContract().ops;
    expect(Object.keys(ops).sort()).toEqual(StatementSchema.options.map((o) => o.shape.op.value).sort());
    expect(ops.filter).toEqual(["input", "predicate", "table"]);
    expect(ops.collect).toEqual(["input", "maxRows", "sink"]);
  });

  it("every fixture's descriptors name a listed connector and only the options the runner lets through", () => {
    const problems = readdirSync(FIXTURES).filter((f) => f.endsWith(".ir.json")).flatMap((f) => {
      const program = TableProgramSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")));
      return program.statements.flatMap((s) => ("descriptor" in s ? [connectorProblem(s.descriptor)] : []))
        .filter((p) => p !== null).map((p) => `${f}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it("names what breaks the table", () => {
    expect(connectorProblem({ connector: "mysql-cdc", options: {} })).toMatch(/connector "mysql-cdc" is not available; use one of blackhole, datagen, filesystem, jdbc, kafka, print, upsert-kafka/);
    expect(connectorProblem({ connector: "jdbc", connection: "db", options: { driver: "x.Evil" } })).toBe('jdbc option "driver" is not allowed');
    expect(connectorProblem({ connector: "kafka", options: { topic: "t" } })).toBe("a kafka table needs a kafka connection");
    expect(connectorProblem({ connector: "kafka", connection: "c", options: { "properties.bootstrap.servers": "evil:9092" } }))
      .toBe('kafka option "properties.bootstrap.servers" is not allowed');
    expect(connectorProblem({ connector: "kafka", connection: "c", options: { topic: "t", "properties.group.id": "g" } })).toBeNull();
    expect(connectorProblem({ connector: "print", connection: "c", options: {} })).toBe("a print table takes no connection");
    expect(connectorProblem({ connector: "filesystem", options: { path: "a", "sink.partition-commit.policy.class": "X" } }))
      .toBe('filesystem option "sink.partition-commit.policy.class" is not allowed');
    expect(connectorProblem({ connector: "datagen", options: { "rows-per-second": "5" } })).toBeNull();
  });
});
