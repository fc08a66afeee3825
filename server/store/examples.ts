// Example pipelines shipped in examples/*.json: listed for "new from example" and seeded into an empty store.
import fs from "node:fs";
import path from "node:path";
import type { PipelineGraph } from "@/pipeline/graph";
import { readGraph } from "@/server/pipeline-ops";
import type { Store } from "./store";

export type ExampleInfo = { file: string; name: string; description: string };

export const defaultExamplesDir = () => path.resolve(process.cwd(), "examples");

/** Example files whose graph parses; a broken file is skipped with a warning rather than breaking the list. */
export function listExamples(dir: string): (ExampleInfo & { graph: PipelineGraph })[] {
  if (!fs.existsSync(dir)) return [];
  const out: (ExampleInfo & { graph: PipelineGraph })[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { description?: unknown };
    const r = readGraph(json);
    if (!r.ok) {
      console.warn(`[streamcanvas] skipping example ${file}: ${r.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const description = typeof json.description === "string" ? json.description : "";
    out.push({ file, name: r.graph.name, description, graph: r.graph });
  }
  return out;
}

export function loadExample(dir: string, file: string): PipelineGraph | undefined {
  if (path.basename(file) !== file) return undefined; // names only: no paths out of the examples folder
  return listExamples(dir).find((e) => e.file === file)?.graph;
}

/** The example a new user meets first: small, quick to finish, every basic kind. */
export const WELCOME_EXAMPLE = "sensor-alerts.json";

/** On the very first start only, the pipeline list gets the welcome example, so deleting it later sticks. */
export function seedOnce(store: Store, dir: string): void {
  if (store.getMeta("seeded")) return;
  const examples = listExamples(dir);
  const first = examples.find((e) => e.file === WELCOME_EXAMPLE) ?? examples[0];
  if (!first) return;
  store.pipelines.create(first.graph);
  store.setMeta("seeded", new Date().toISOString());
}
