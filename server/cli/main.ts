// streamcanvas CLI: validate, plan and run a pipeline file with the same code the server uses.
// Exit codes: 0 success, 1 invalid input (or usage), 2 the job failed, timed out or the runner was unavailable.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { EnvError, getEnv } from "@/env";
import { CodegenError, printJava, printSql } from "@/pipeline/codegen";
import { describeFileErrors, formatPipelineFile, parsePipelineFile } from "@/pipeline/format";
import type { PipelineGraph } from "@/pipeline/graph";
import { validateGraph } from "@/pipeline/validate";
import { checkGraph, compileGraph, defaultDataRoot } from "@/server/pipeline-ops";
import { appRoot } from "@/server/runner/spawn";
import { withRunOptions } from "@/server/runner/run-tracker";
import { cliEnsureChangeStreams, cliResolveConnections } from "./cli-connections";
import { CliExit, CONNECTIONS_USAGE, connectionsCommand } from "./connections-cmd";
import { connectRunner } from "./connect";
import { formatGraphError, formatSink } from "./format";
import { runJob } from "./run-job";
import { unboundedSources } from "@/pipeline/bounded";
import { previewCommand, testCommand } from "./preview-cmd";
import { tokenCommand } from "./token-cmd";
import { K8S_USAGE, k8sCommand } from "./k8s-cmd";
import { cliRunnerTarget, TARGETS_USAGE, targetsCommand } from "./targets-cmd";
import { GraphCompileError, RunnerRejection, RunnerUnavailable } from "@/server/errors";

const USAGE = `usage:
  streamcanvas validate FILE
  streamcanvas plan FILE                     prints the TableProgram IR as JSON
  streamcanvas java FILE                     prints the equivalent Java Table API program
  streamcanvas sql FILE                      prints the equivalent Flink SQL script
  streamcanvas run FILE [--max-rows N] [--timeout S] [--json] [--target NAME]
      runs on the server's runner if one is up, else starts one; an unbounded pipeline is cancelled
      after S seconds (default 30) or once a collect sink has N rows, and that still counts as success;
      --target: a stored Flink cluster (default: STREAMCANVAS_FLINK_URL's if set, else the embedded one)
  streamcanvas preview FILE --node ID [--rows N] [--timeout S] [--json] [--target NAME]
      sample rows of one node's output (a sink: what it would receive); no sink is written; ends after the
      sources' preview caps or S seconds (default 30)
  streamcanvas test FILE                     runs the pinned test tables of TS UDF nodes; exit 0 all pass, 1 otherwise
  streamcanvas format FILE [--write]         prints FILE in the stable, Git-friendly pipeline file format (--write: in place)
  streamcanvas token [--rotate]              prints the server's sign-in URL (the data dir's access token);
      --rotate makes a new token, which signs every browser out
${K8S_USAGE}
${CONNECTIONS_USAGE}
${TARGETS_USAGE}`;

class Exit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

/** Reads FILE as a pipeline file (pipeline/format.ts: the editor's Import reads it alike, refusing an edge to a node
 *  or port that does not exist); an unreadable one exits 1 with one error per line. */
function readFile(file: string | undefined): PipelineGraph {
  if (!file) throw new Exit(1, USAGE);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Exit(1, `cannot read ${file}: ${(e as Error).message}`);
  }
  const r = parsePipelineFile(text);
  if (!r.ok) throw new Exit(1, [`${file} is invalid:`, ...r.errors.map(formatGraphError)].join("\n"));
  return r.graph;
}

/** Reads and validates FILE; invalid input exits 1 with one error per line. */
function load(file: string | undefined): PipelineGraph {
  const graph = readFile(file);
  const errors = checkGraph(graph);
  if (errors.length) throw new Exit(1, [`${file} is invalid:`, ...errors.map(formatGraphError)].join("\n"));
  return graph;
}

/** Reads FILE without requiring the whole graph to be valid: a preview or test checks only the part it uses. */
const loadLoose = readFile;

async function run(file: string | undefined, flags: { "max-rows"?: string; timeout?: string; json?: boolean; target?: string }): Promise<number> {
  const maxRows = flags["max-rows"] === undefined ? undefined : Number(flags["max-rows"]);
  const timeoutS = flags.timeout === undefined ? 30 : Number(flags.timeout);
  if ((maxRows !== undefined && !(maxRows >= 1)) || !(timeoutS > 0)) throw new Exit(1, "--max-rows and --timeout take positive numbers");
  const graph = load(file);
  // the file's run settings apply as they do to a run from the editor
  const program = withRunOptions(compileGraph(graph), graph.settings, {});
  const env = getEnv();
  // before a runner starts: a missing connection is an error on its node (exit 1)
  const connections = cliResolveConnections(env, program);
  const target = cliRunnerTarget(env, flags.target);
  const err = (l: string) => process.stderr.write(`${l}\n`);
  const conn = await connectRunner(env, path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR), err, defaultDataRoot()).catch((e: Error) => {
    throw new Exit(2, `no runner available: ${e.message}`);
  });
  try {
    err(`running on ${conn.source}${target ? `, Flink cluster ${target.name} (${target.url})` : ""}`);
    await cliEnsureChangeStreams(env, graph, conn.client);
    const out = await runJob(conn.client, program, { connections, target, bounded: unboundedSources(graph).length === 0, maxRows, timeoutS, onStatus: (s) => err(`status ${s}`) });
    const sinks = out.job.sinks ?? {};
    if (maxRows !== undefined) for (const s of Object.values(sinks)) s.rows = s.rows.slice(0, maxRows);
    const ok = out.job.status === "FINISHED" || (out.job.status === "CANCELED" && out.stoppedBy !== null && (!out.bounded || out.stoppedBy === "max-rows"));
    const note = out.stoppedBy === "max-rows" ? `stopped after ${maxRows} rows`
      : out.stoppedBy === "timeout" ? `stopped after the ${timeoutS} s timeout${out.bounded ? " before the bounded job finished" : ""}` : null;
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ jobId: out.job.jobId, status: out.job.status, stoppedBy: out.stoppedBy, error: out.job.error ?? null, sinks }, null, 2)}\n`);
    } else {
      for (const [id, s] of Object.entries(sinks)) process.stdout.write(`${formatSink(id, s)}\n\n`);
      process.stdout.write(`job ${out.job.jobId} ${out.job.status}${note ? ` (${note})` : ""}\n`);
      if (out.job.error) process.stdout.write(`error: ${out.job.error.message}${out.job.error.rootCause ? `\ncause: ${out.job.error.rootCause}` : ""}\n`);
    }
    return ok ? 0 : 2;
  } catch (e) {
    if (e instanceof RunnerRejection) throw new Exit(2, `the runner rejected the program: ${e.message}${e.flinkCause ? `\ncause: ${e.flinkCause}` : ""}`);
    throw e;
  } finally {
    await conn.close();
  }
}

/** java / sql: the same printers as the page's Code tab; a program SQL cannot express exits 1 with the reason. */
function printCode(lang: "java" | "sql", graph: PipelineGraph): number {
  const program = compileGraph(graph);
  try {
    process.stdout.write(lang === "java" ? printJava(program) : printSql(program, validateGraph(graph).rowTypes));
    return 0;
  } catch (e) {
    if (e instanceof CodegenError) throw new Exit(1, `cannot print ${lang === "java" ? "Java" : "SQL"}: ${e.message}`);
    throw e;
  }
}

/** format: the same file format as the editor's Export; an unreadable file exits 1 naming the field at fault. */
function formatFile(file: string | undefined, write: boolean): number {
  if (!file) throw new Exit(1, USAGE);
  const r = parsePipelineFile(fs.readFileSync(file, "utf8"));
  if (!r.ok) throw new Exit(1, `${file} is invalid:\n${describeFileErrors(r.errors)}`);
  const text = formatPipelineFile(r.graph);
  if (write) fs.writeFileSync(file, text);
  else process.stdout.write(text);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  // its own verbs and flags (schema-driven from the connection kind): server/cli/connections-cmd.ts
  if (argv[0] === "connections") return connectionsCommand(getEnv(), argv.slice(1));
  if (argv[0] === "targets") return targetsCommand(getEnv(), argv.slice(1));
  if (argv[0] === "k8s") return k8sCommand(argv.slice(1), load);
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true,
    options: { write: { type: "boolean" }, node: { type: "string" }, rows: { type: "string" }, "max-rows": { type: "string" }, timeout: { type: "string" }, json: { type: "boolean" }, target: { type: "string" }, rotate: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  const [cmd, file, ...rest] = positionals;
  if (values.help || !cmd) return process.stdout.write(`${USAGE}\n`), values.help ? 0 : 1;
  if (rest.length) throw new Exit(1, `unexpected arguments: ${rest.join(" ")}\n${USAGE}`);
  switch (cmd) {
    case "validate": {
      const g = load(file);
      process.stdout.write(`${file}: valid (${g.nodes.length} nodes, ${g.edges.length} edges)\n`);
      return 0;
    }
    case "plan":
      process.stdout.write(`${JSON.stringify(compileGraph(load(file)), null, 2)}\n`);
      return 0;
    case "java":
    case "sql":
      return printCode(cmd, load(file));
    case "run":
      return run(file, values);
    case "preview": {
      const rows = values.rows === undefined ? 100 : Number(values.rows);
      const seconds = values.timeout === undefined ? 30 : Number(values.timeout);
      if (!values.node) throw new Exit(1, `preview needs --node ID\n${USAGE}`);
      if (!(rows >= 1 && rows <= 10000) || !(seconds > 0)) throw new Exit(1, "--rows takes 1..10000 and --timeout a positive number");
      const env = getEnv();
      return previewCommand(loadLoose(file), values.node, { rows, seconds, json: !!values.json, target: values.target }, env, path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR));
    }
    case "test":
      return testCommand(loadLoose(file));
    case "format":
      return formatFile(file, !!values.write);
    case "token":
      if (file) throw new Exit(1, `unexpected argument: ${file}\n${USAGE}`);
      return tokenCommand(getEnv(), !!values.rotate);
    default:
      throw new Exit(1, `unknown command "${cmd}"\n${USAGE}`);
  }
}

/** Exit code and message of a failure: 1 for bad input, 2 for a failed job or a runner that is unavailable or went away. */
function describeFailure(e: unknown): { code: number; message: string; errors?: string[] } {
  if (e instanceof GraphCompileError) {
    const errors = e.graphErrors.map(formatGraphError);
    return { code: 1, message: `invalid pipeline:\n${errors.join("\n")}`, errors };
  }
  if (e instanceof RunnerUnavailable) return { code: 2, message: `the runner went away: ${e.message}` };
  if (e instanceof CliExit) return { code: e.code, message: e.message };
  const known = e instanceof Exit || e instanceof EnvError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  return { code: e instanceof Exit ? e.code : known ? 1 : 2, message: known ? (e as Error).message : String((e as Error).stack ?? e) };
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const f = describeFailure(e);
    process.stderr.write(`${f.message}\n`);
    // under --json, stdout always holds exactly one JSON object, so scripts can parse it whatever happened
    if (argv.includes("--json")) {
      const error = { message: f.message, ...(f.errors ? { errors: f.errors } : {}) };
      process.stdout.write(`${JSON.stringify({ status: "ERROR", exitCode: f.code, error }, null, 2)}\n`);
    }
    process.exit(f.code);
  },
);
