// Build stamps: the source hash changes with content and file names, and ignores build output folders.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations
import { hashSources, root } from "./lib.mjs";

const dir = path.join(root, ".build-stamps", "hash-test");
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const rel = path.relative(root, dir);
const write = (p: string, s: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
  fs.writeFileSync(path.join(dir, p), s);
};

describe("hashSources", () => {
  it("changes with content and names, not with target/ or node_modules/", () => {
    write("src/A.java", "class A {}");
    const h1 = (hashSources as (p: string[]) => string)([rel]);
    write("target/classes/A.class", "bytes");
    write("node_modules/x/index.js", "x");
    expect(hashSources([rel])).toBe(h1);
    write("src/A.java", "class A { int x; }");
    const h2 = hashSources([rel]);
    expect(h2).not.toBe(h1);
    fs.renameSync(path.join(dir, "src/A.java"), path.join(dir, "src/B.java"));
    expect(hashSources([rel])).not.toBe(h2);
  });
});
