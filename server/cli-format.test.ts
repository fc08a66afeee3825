// `streamcanvas format`: the editor's export format from the command line; broken files exit 1 naming the field.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatPipelineFile } from "@/pipeline/format";
import { PipelineGraphSchema } from "@/pipeline/graph";

const root = path.resolve(import.meta.dirname, "..");
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "bin/streamcanvas.mjs"), ...args], { cwd: root, encoding: "utf8" });

describe("streamcanvas format", () => {
  it("prints an example in the pipeline file format, and --write rewrites a file in place", () => {
    const example = path.join(root, "examples/sensor-alerts.json");
    const expected = formatPipelineFile(PipelineGraphSchema.parse(JSON.parse(fs.readFileSync(example, "utf8"))));
    const r = cli("format", example);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-format-"));
    const file = path.join(dir, "p.json");
    fs.copyFileSync(example, file);
    expect(cli("format", file, "--write").status).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toBe(expected);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exits 1 naming the field and node of a broken file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-format-"));
    const file = path.join(dir, "bad.json");
    const g = JSON.parse(fs.readFileSync(path.join(root, "examples/sensor-alerts.json"), "utf8"));
    g.nodes[0].version = "one";
    fs.writeFileSync(file, JSON.stringify(g));
    const r = cli("format", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`nodes.0.version (node ${g.nodes[0].id})`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("validate and format refuse a file with an edge to a missing node or port, naming each edge (exit 1)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-format-"));
    const file = path.join(dir, "dangling.json");
    const g = JSON.parse(fs.readFileSync(path.join(root, "examples/sensor-alerts.json"), "utf8"));
    const src = g.nodes[0].id;
    g.edges.push({ id: "e_ghost", from: { node: src, port: "out" }, to: { node: "ghost", port: "in" } });
    g.edges.push({ id: "e_port", from: { node: src, port: "nope" }, to: { node: g.nodes[1].id, port: "in" } });
    fs.writeFileSync(file, JSON.stringify(g));
    for (const cmd of ["validate", "format"]) {
      const r = cli(cmd, file);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`edge e_ghost (${src}.out → ghost.in): there is no node "ghost"`);
      expect(r.stderr).toContain(`edge e_port (${src}.nope → ${g.nodes[1].id}.in): node "${src}" has no output port "nope"`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
