// Changelog-mode inference: each golden fixture's node modes are written to pipeline/fixtures/changelog-modes.json
// (UPDATE_GOLDEN=1), which jvm-runner's ChangelogModeITCase holds to what Flink's planner says for the same IR.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getNodeKind } from "./kinds";
import { parseGraph } from "./upgrade";
import { analyzeGraph } from "./validate";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const MODES = path.join(FIXTURES, "changelog-modes.json");

/** case → node → insert-only | updating, for every node with an output. */
function inferredModes(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".graph.json")).sort()) {
    const parsed = parseGraph(JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    const a = analyzeGraph(parsed.graph);
    const modes: Record<string, string> = {};
    for (const n of parsed.graph.nodes) {
      const c = a.changelogs[n.id];
      if (getNodeKind(n.kind)?.category !== "sink" && c) modes[n.id] = c.mode;
    }
    out[file.slice(0, -".graph.json".length)] = modes;
  }
  return out;
}

describe("changelog modes of the golden fixtures", () => {
  it("match pipeline/fixtures/changelog-modes.json (what ChangelogModeITCase checks against Flink's planner)", () => {
    const modes = inferredModes();
    const text = `${JSON.stringify(modes, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(MODES)) writeFileSync(MODES, text);
    expect(JSON.parse(readFileSync(MODES, "utf8"))).toEqual(modes);
  });
});
