// The CLI's java / sql verbs print the same code as the page's Code tab, and exit 1 where SQL cannot express a pipeline.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "bin/streamcanvas.mjs"), ...args], { cwd: root, encoding: "utf8" });

describe("streamcanvas java / sql", () => {
  it("prints a Java Table API program for an example", () => {
    const r = cli("java", "examples/sensor-alerts.json");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/public class \w+/);
    expect(r.stdout).toContain('TableDescriptor.forConnector("datagen")');
  });

  it("prints a Flink SQL script with quoted identifiers", () => {
    const r = cli("sql", "examples/sensor-alerts.json");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("CREATE TEMPORARY TABLE `readings`");
    expect(r.stdout).toContain("EXECUTE STATEMENT SET");
  });

  it("exits 1 naming the reason when SQL cannot express the pipeline", () => {
    // a column name with a line break is valid on the canvas and in Java, but no Flink SQL identifier can hold it
    const values = { columns: [{ name: "line\nbreak", type: "INT" }], rows: [["1"]] };
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sc-cli-")), "line-break.json");
    writeFileSync(file, JSON.stringify({
      schemaVersion: 1, name: "line break", edges: [{ id: "e", from: { node: "v", port: "out" }, to: { node: "out", port: "in" } }],
      nodes: [{ id: "v", kind: "values", version: 1, position: { x: 0, y: 0 }, config: values },
        { id: "out", kind: "collect", version: 1, position: { x: 0, y: 0 }, config: {} }],
    }));
    const r = cli("sql", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("holds a line break, which Flink SQL identifiers cannot contain");
  });
});
