// Export for Kubernetes on every example, both modes: the manifests pass the Flink Kubernetes Operator's own CRD schemas
// (vendored in fixtures/crds), the Dockerfile builds on the runner's Flink image and copies every jar the job needs,
// and the job jar holds the program as compiled. Needs the built runner (jvm-runner/target), hence the integration stage.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePipelineFile } from "@/pipeline/format";
import type { PipelineGraph } from "@/pipeline/graph";
import { prepareExport } from "@/server/pipeline-ops";
import { runnerFlinkVersion } from "@/server/runner/flink-version";
import { type ExportFile, exportForKubernetes, type K8sExport, PROGRAM_RESOURCE } from "./export";
import { crdValidator } from "./testing/crd-validator";

const root = process.cwd();
const crds = path.join(root, "server/k8s/fixtures/crds");
const deployment = crdValidator(path.join(crds, "flinkdeployments.flink.apache.org-v1.yml"));
const sessionJob = crdValidator(path.join(crds, "flinksessionjobs.flink.apache.org-v1.yml"));
const validators = { FlinkDeployment: deployment, FlinkSessionJob: sessionJob } as Record<string, typeof deployment>;
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "sc-k8s-data-"));
afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }));

// every example: examples/*.json and those of each folder beside data/ (kafka/, postgres/, …)
const examples = fs.readdirSync("examples", { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".json") && !f.startsWith(`data${path.sep}`)).map((f) => `examples/${f}`).sort();
const load = (file: string): PipelineGraph => {
  const r = parsePipelineFile(fs.readFileSync(file, "utf8"));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r.graph;
};
const text = (exp: K8sExport, p: string) => {
  const f = exp.files.find((x) => x.path === p);
  if (!f || !("text" in f)) throw new Error(`no text file ${p} in the export`);
  return f.text;
};
const manifests = (exp: K8sExport) => exp.manifests.map((m) => parse(text(exp, m)) as { kind: string; spec: Record<string, any> });

/** COPY instructions of a Dockerfile as [sources, destination], continuation lines joined. */
function copies(dockerfile: string): [string[], string][] {
  return dockerfile.replace(/\\\n/g, " ").split("\n").filter((l) => l.startsWith("COPY ")).map((l) => {
    const words = l.split(/\s+/).filter((w) => w && !w.startsWith("--") && w !== "COPY");
    return [words.slice(0, -1), words.at(-1)!];
  });
}

/** The bytes a file of the export holds, wherever they come from. */
const bytes = (f: ExportFile) => ("text" in f ? Buffer.from(f.text) : "bytes" in f ? f.bytes : fs.readFileSync(f.from));

describe.each(examples)("Kubernetes export of %s", (file) => {
  const graph = load(file);
  const prepared = prepareExport(graph, dataRoot);
  if ("errors" in prepared) throw new Error(`${file} does not compile: ${JSON.stringify(prepared.errors)}`);
  const ir = JSON.stringify(prepared.program);
  const kafka = ir.includes('"connector":"kafka"') || ir.includes('"connector":"upsert-kafka"');
  const jdbc = ir.includes('"connector":"jdbc"');

  it.each(["application", "session"] as const)("%s mode: manifests valid against the operator's CRDs, Dockerfile copies every jar the job needs", (mode) => {
    const exp = exportForKubernetes(graph, { mode, jarUri: "https://artifacts.example.com/streamcanvas/job.jar" }, root, dataRoot);
    const docs = manifests(exp);
    expect(docs.map((d) => d.kind)).toEqual(mode === "application" ? ["FlinkDeployment"] : ["FlinkDeployment", "FlinkSessionJob"]);
    for (const d of docs) expect(validators[d.kind]!.validate(d), `${d.kind} of ${file}`).toEqual([]);
    const job = docs.at(-1)!.spec.job;
    expect(job).toMatchObject({ entryClass: "io.streamcanvas.runner.RunProgram", parallelism: graph.settings.parallelism, upgradeMode: "savepoint" });
    const config = mode === "application" ? docs[0]!.spec.flinkConfiguration : docs[1]!.spec.flinkConfiguration;
    expect(config["execution.checkpointing.savepoint-dir"]).toMatch(/^file:\/\/\/flink-data\/streamcanvas\/savepoints\//);

    const dockerfile = text(exp, "Dockerfile");
    expect(dockerfile.split("\n")).toContain(`FROM flink:${runnerFlinkVersion(root)}-java17`);
    const copied = copies(dockerfile);
    const paths = new Set(exp.files.map((f) => f.path));
    for (const [sources] of copied) for (const s of sources) expect(paths.has(s) || [...paths].some((p) => p.startsWith(s)), `${s} is in the build context`).toBe(true);
    const lib = copied.filter(([, dest]) => dest === "/opt/flink/lib/").flatMap(([s]) => s.map((x) => path.basename(x)));
    expect(lib.some((j) => /^jvm-runner-.*\.jar$/.test(j))).toBe(true);
    expect(lib.some((j) => j.startsWith("jackson-databind-"))).toBe(true);
    const kafkaJars = lib.filter((j) => j.startsWith("flink-connector-kafka-") || j.startsWith("kafka-clients-"));
    // application mode carries the job's connectors only; a session cluster's image serves every pipeline
    expect(kafkaJars.length).toBe(kafka || mode === "session" ? 2 : 0);
    const jdbcJars = lib.filter((j) => j.startsWith("flink-connector-jdbc-core-") || j.startsWith("postgresql-"));
    expect(jdbcJars.length).toBe(jdbc || mode === "session" ? 2 : 0);

    const jobJar = mode === "application" ? `usrlib/${exp.name}.jar` : `${exp.name}.jar`;
    if (mode === "application") {
      expect(copied).toContainEqual([[jobJar], `/opt/flink/usrlib/${exp.name}.jar`]);
      expect(job.jarURI).toBe(`local:///opt/flink/usrlib/${exp.name}.jar`);
    } else {
      expect(job.jarURI).toBe("https://artifacts.example.com/streamcanvas/job.jar");
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-k8s-jar-"));
    try {
      fs.writeFileSync(path.join(dir, "job.jar"), bytes(exp.files.find((f) => f.path === jobJar)!));
      execFileSync("jar", ["xf", "job.jar", PROGRAM_RESOURCE], { cwd: dir });
      const program = JSON.parse(fs.readFileSync(path.join(dir, PROGRAM_RESOURCE), "utf8"));
      expect(program).toEqual({ ...prepared.program, config: { ...prepared.program.config, "streamcanvas.run-id": exp.name } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Kubernetes export", () => {
  it("the validator is strict: a misspelt field, a wrong enum value and a missing envelope are errors", () => {
    const exp = exportForKubernetes(load("examples/orders-clean-up.json"), {}, root, dataRoot);
    const [doc] = manifests(exp);
    expect(deployment.validate(doc)).toEqual([]);
    const bad = structuredClone(doc!) as any;
    bad.spec.job.jarUri = bad.spec.job.jarURI;
    bad.spec.job.upgradeMode = "savepoints";
    delete bad.apiVersion;
    const errors = deployment.validate(bad).join("\n");
    expect(errors).toMatch(/\/spec\/job must NOT have additional properties.*jarUri/);
    expect(errors).toMatch(/\/spec\/job\/upgradeMode must be equal to one of the allowed values/);
    expect(errors).toMatch(/must have required property 'apiVersion'/);
  });

  it("a pipeline naming a connection mounts the Secret on the JobManager and hands its file to RunProgram, holding no secret itself", () => {
    const exp = exportForKubernetes(load("examples/kafka/paid-orders-exactly-once.json"), { connectionsSecret: "kafka-creds" }, root, dataRoot);
    const [doc] = manifests(exp);
    expect(doc!.spec.job.args).toEqual(["--connections", "/opt/streamcanvas/connections/connections.json"]);
    expect(doc!.spec.jobManager.podTemplate.spec.volumes).toEqual([
      { name: "streamcanvas-connections", secret: { secretName: "kafka-creds", items: [{ key: "connections.json", path: "connections.json" }] } },
    ]);
    expect(exp.notes.join("\n")).toContain("kubectl create secret generic kafka-creds --from-file=connections.json=./connections.json");
  });

  it("the CLI writes the build context, and session mode without --jar-uri exits 1 saying what it needs", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "sc-k8s-out-"));
    try {
      const cli = (...args: string[]) => spawnSync("npx", ["streamcanvas", "k8s", ...args], { encoding: "utf8", env: { ...process.env, STREAMCANVAS_DATA_ROOT: dataRoot } });
      const ok = cli("examples/csv-clean-up-etl.json", "--out", out, "--slots", "4", "--tm-memory", "4g");
      expect(ok.status, ok.stderr).toBe(0);
      const doc = parse(fs.readFileSync(path.join(out, "flink-deployment.yaml"), "utf8"));
      expect(deployment.validate(doc)).toEqual([]);
      expect(doc.spec.flinkConfiguration["taskmanager.numberOfTaskSlots"]).toBe("4");
      expect(doc.spec.taskManager.resource.memory).toBe("4g");
      // a files source's input is baked into the image under the data root RunProgram and the TaskManagers read
      const dockerfile = fs.readFileSync(path.join(out, "Dockerfile"), "utf8");
      expect(dockerfile).toContain("ENV STREAMCANVAS_FLINK_DATA_ROOT=/opt/streamcanvas/data");
      for (const [sources] of copies(dockerfile)) for (const s of sources) expect(fs.existsSync(path.join(out, s)), s).toBe(true);
      expect(fs.readdirSync(path.join(out, "data"), { recursive: true }).some((f) => String(f).endsWith(".csv"))).toBe(true);
      const bad = cli("examples/orders-clean-up.json", "--mode", "session", "--out", out);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain("session mode needs --jar-uri");
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
