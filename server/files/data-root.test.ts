// Data-root path checks on a real temp folder: relative paths resolve inside, every way out (.., absolute, links) is refused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { TableProgram } from "@/pipeline/ir";
import { checkDataPaths, prepareDataRoot, resolveDataPath, resolveDataPaths } from "./data-root";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sc-root-test-"));
const root = path.join(tmp, "root");
const outside = path.join(tmp, "outside");
fs.mkdirSync(path.join(root, "in dir ü"), { recursive: true });
fs.mkdirSync(outside);
fs.writeFileSync(path.join(root, "in dir ü", "a b.csv"), "1\n");
fs.writeFileSync(path.join(outside, "secret.csv"), "1\n");
fs.symlinkSync(outside, path.join(root, "link out"));
fs.symlinkSync(path.join(root, "in dir ü"), path.join(root, "link in"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const realRoot = fs.realpathSync(root);
const program = (source: string, sink: string): TableProgram => ({
  irVersion: 1, name: "p", config: {},
  statements: [
    { op: "from", table: "src", descriptor: { connector: "filesystem", schema: [{ name: "x", type: "INT" }], options: { path: source, format: "csv" } } },
    { op: "insertInto", sink: "out", input: "src", descriptor: { connector: "filesystem", options: { path: sink, format: "csv" } } },
  ],
});

describe("resolveDataPath", () => {
  it("resolves a relative path with spaces and non-ASCII letters inside the root", () => {
    expect(resolveDataPath(root, "in dir ü/a b.csv", true)).toEqual({ ok: true, path: path.join(realRoot, "in dir ü", "a b.csv") });
    expect(resolveDataPath(root, "out/new folder", false)).toEqual({ ok: true, path: path.join(realRoot, "out", "new folder") });
  });
  it("follows links that stay inside the root", () => {
    expect(resolveDataPath(root, "link in/a b.csv", true)).toEqual({ ok: true, path: path.join(realRoot, "in dir ü", "a b.csv") });
  });
  it.each([
    ["../outside/secret.csv", "outside the data root"],
    ["in dir ü/../../outside", "outside the data root"],
    [path.join(outside, "secret.csv"), "absolute"],
    ["link out/secret.csv", "through a symbolic link"],
    ["link out/new", "through a symbolic link"],
  ])("refuses %s", (p, message) => {
    const r = resolveDataPath(root, p, false);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });
  it("a source must exist, and a sink's folder may not be a file", () => {
    expect(resolveDataPath(root, "missing.csv", true)).toMatchObject({ ok: false, message: expect.stringContaining("does not exist") });
    expect(resolveDataPath(root, "in dir ü/a b.csv", false)).toMatchObject({ ok: false, message: expect.stringContaining("is a file") });
  });
  it("refuses a source folder that holds a link out of the root", () => {
    fs.mkdirSync(path.join(root, "sneaky"));
    fs.symlinkSync(path.join(outside, "secret.csv"), path.join(root, "sneaky", "x.csv"));
    expect(resolveDataPath(root, "sneaky", true)).toMatchObject({ ok: false, message: expect.stringContaining("x.csv") });
  });
});

describe("checkDataPaths / resolveDataPaths", () => {
  it("pins each bad path to its node and the path field", () => {
    expect(checkDataPaths(program("link out/secret.csv", "../x"), root)).toEqual([
      { nodeId: "src", field: "path", message: expect.stringContaining("symbolic link") },
      { nodeId: "out", field: "path", message: expect.stringContaining("outside the data root") },
    ]);
  });
  it("gives the runner absolute paths", () => {
    const p = resolveDataPaths(program("in dir ü/a b.csv", "out/o"), root);
    const paths = p.statements.map((s) => ("descriptor" in s ? s.descriptor.options.path : undefined));
    expect(paths).toEqual([path.join(realRoot, "in dir ü", "a b.csv"), path.join(realRoot, "out", "o")]);
  });
  it("copies bundled example data into <root>/examples without overwriting a user's edit", () => {
    const bundled = path.join(tmp, "bundled");
    fs.mkdirSync(path.join(bundled, "sub"), { recursive: true });
    fs.writeFileSync(path.join(bundled, "sub", "e.csv"), "bundled\n");
    fs.writeFileSync(path.join(bundled, "f.csv"), "bundled\n");
    prepareDataRoot(root, bundled);
    fs.writeFileSync(path.join(root, "examples", "f.csv"), "edited\n");
    prepareDataRoot(root, bundled);
    expect(fs.readFileSync(path.join(root, "examples", "sub", "e.csv"), "utf8")).toBe("bundled\n");
    expect(fs.readFileSync(path.join(root, "examples", "f.csv"), "utf8")).toBe("edited\n");
  });
});
