// `streamcanvas k8s PIPELINE`: writes the Kubernetes export (Dockerfile + build context, operator manifests) to a folder.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PipelineGraph } from "@/pipeline/graph";
import { type ExportFile, exportForKubernetes, K8sExportError } from "@/server/k8s/export";
import type { K8sOptionsInput } from "@/server/k8s/options";
import { appRoot } from "@/server/runner/spawn";
import { CliExit } from "./connections-cmd";

export const K8S_USAGE = `  streamcanvas k8s FILE [--mode application|session] [--image IMAGE] [--out DIR] [--name NAME] [--namespace NS]
      [--jar-uri URL] [--session-cluster NAME] [--state-dir URI] [--connections-secret NAME]
      [--jm-memory 1600m] [--jm-cpu 1] [--tm-memory 2048m] [--tm-cpu 1] [--slots 2] [--udf-allow-network]
      a FlinkDeployment (application mode) or a session cluster + FlinkSessionJob (session mode) for the Flink
      Kubernetes Operator, and the Dockerfile of its image (official Flink + Node.js + the job's jars), into DIR
      (default k8s/<name>); session mode needs --jar-uri, where the operator downloads the job jar from`;

const OPTIONS = {
  mode: { type: "string" }, image: { type: "string" }, out: { type: "string" }, name: { type: "string" }, namespace: { type: "string" },
  "jar-uri": { type: "string" }, "session-cluster": { type: "string" }, "state-dir": { type: "string" }, "connections-secret": { type: "string" },
  "jm-memory": { type: "string" }, "jm-cpu": { type: "string" }, "tm-memory": { type: "string" }, "tm-cpu": { type: "string" },
  slots: { type: "string" }, "udf-allow-network": { type: "boolean" },
} as const;

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

/** Writes the export's files under `out`; the folders it fills are emptied first, so no stale jar is left in them. */
export function writeExport(files: ExportFile[], out: string): void {
  for (const d of ["lib", "usrlib", "data"]) fs.rmSync(path.join(out, d), { recursive: true, force: true });
  for (const f of files) {
    const to = path.join(out, f.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if ("from" in f) fs.copyFileSync(f.from, to);
    else fs.writeFileSync(to, "text" in f ? f.text : f.bytes);
  }
}

/** `load` reads and validates the pipeline file as every other verb does (exit 1 naming the node and field at fault). */
export function k8sCommand(args: string[], load: (file: string | undefined) => PipelineGraph): number {
  const { values: v, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  if (positionals.length !== 1) throw new CliExit(1, `usage:\n${K8S_USAGE}`);
  const graph = load(positionals[0]);
  const input: K8sOptionsInput = {
    mode: v.mode as K8sOptionsInput["mode"], image: v.image, name: v.name, namespace: v.namespace, jarUri: v["jar-uri"],
    sessionCluster: v["session-cluster"], stateDir: v["state-dir"], connectionsSecret: v["connections-secret"],
    jobManager: { memory: v["jm-memory"], cpu: num(v["jm-cpu"]) },
    taskManager: { memory: v["tm-memory"], cpu: num(v["tm-cpu"]), slots: num(v.slots) },
    udfAllowNetwork: v["udf-allow-network"],
  };
  let exp;
  try {
    exp = exportForKubernetes(graph, input, appRoot());
  } catch (e) {
    if (e instanceof K8sExportError) throw new CliExit(1, e.message);
    throw e;
  }
  const out = path.resolve(v.out ?? path.join("k8s", exp.name));
  writeExport(exp.files, out);
  const say = (l: string) => process.stdout.write(`${l}\n`);
  say(`wrote ${exp.files.length} files to ${out} (${exp.mode} mode): ${exp.manifests.join(", ")}, Dockerfile, lib/ (${exp.files.filter((f) => f.path.startsWith("lib/")).length} jars)`);
  for (const n of exp.notes) say(`note: ${n}`);
  say(`next: docker build -t ${exp.image} ${out} && docker push ${exp.image}; kubectl apply ${exp.manifests.map((m) => `-f ${path.join(out, m)}`).join(" ")}`);
  return 0;
}
