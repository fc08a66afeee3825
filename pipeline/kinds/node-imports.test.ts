// Guards the one import rule the CLI depends on: tsx loads "./x.node" as a native addon, so kind files are imported as "./x.node.ts".
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ["node_modules", ".next", "target", "data"].includes(e.name) ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("node kind imports", () => {
  it("name kind files with their .ts extension everywhere", () => {
    const bad = ["pipeline", "server", "components", "app", "bench"]
      .flatMap((d) => sourceFiles(path.join(root, d)))
      .flatMap((f) =>
        [...fs.readFileSync(f, "utf8").matchAll(/from\s+["']([^"']+\.node)["']/g)].map((m) => `${path.relative(root, f)}: ${m[1]}`),
      );
    expect(bad).toEqual([]);
  });
});
