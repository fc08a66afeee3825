// The CLI's java / sql verbs print the same code as the page's Code tab, and exit 1 where SQL cannot express a pipeline.
import { spawnSync } from "node:child_process";
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
    const r = cli("sql", "examples/ts-map-enrich.json");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("has no Flink SQL form");
  });
});
