// The data root: the one folder filesystem sources and sinks may use. Paths in a pipeline are relative to it; here
// they are resolved (symlinks included) and checked, and the IR gets the absolute path the runner checks once more.
import fs from "node:fs";
import path from "node:path";
import type { Env } from "@/env";
import type { GraphError } from "@/pipeline/graph";
import type { Statement, TableProgram } from "@/pipeline/ir";
import { CONNECTORS } from "@/pipeline/ir/connectors";
import { appRoot } from "@/server/runner/spawn";

/** STREAMCANVAS_DATA_ROOT, else `files/` in the data directory; absolute. */
export const dataRootOf = (env: Pick<Env, "STREAMCANVAS_DATA_DIR" | "STREAMCANVAS_DATA_ROOT">) =>
  path.resolve(appRoot(), env.STREAMCANVAS_DATA_ROOT ?? path.join(env.STREAMCANVAS_DATA_DIR, "files"));

/** Where bundled example data lives; it is copied to `<data root>/examples/` so examples read it like user files. */
export const exampleDataDir = () => path.join(appRoot(), "examples", "data");

/** Creates the root and copies in the bundled example files that are missing (a user's edits are kept). */
export function prepareDataRoot(root: string, examples = exampleDataDir()): void {
  fs.mkdirSync(root, { recursive: true });
  if (fs.existsSync(examples)) copyMissing(examples, path.join(root, "examples"));
}

function copyMissing(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) copyMissing(src, dst);
    else if (e.isFile() && !fs.existsSync(dst)) fs.copyFileSync(src, dst);
  }
}

export type FileStatement = { node: string; path: string; source: boolean };

/** The option of a descriptor naming a path under the data root, as its connector declares it (pipeline/ir/connectors.ts). */
const dataPathOption = (s: Statement) => ("descriptor" in s ? CONNECTORS[s.descriptor.connector]?.dataPath : undefined);

/** The sources (`from`) and sinks (`insertInto`) of a program that read or write data-root paths, with their node ids. */
export function fileStatements(program: TableProgram): FileStatement[] {
  return program.statements.flatMap((s) => {
    const key = dataPathOption(s);
    if (!key || !("descriptor" in s)) return [];
    return [{ node: "table" in s ? s.table : s.sink, path: s.descriptor.options[key] ?? "", source: "table" in s }];
  });
}

/** Whether `p` is `root` or inside it; both absolute and normalised. */
const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** The absolute, symlink-free path of `rel` under `root`, or why not (a message for the node's `path` field). */
export function resolveDataPath(root: string, rel: string, source: boolean): { ok: true; path: string } | { ok: false; message: string } {
  const realRoot = fs.realpathSync(root);
  if (path.isAbsolute(rel)) return { ok: false, message: `"${rel}" is absolute; give a path relative to the data root` };
  const p = path.resolve(realRoot, rel);
  if (!inside(realRoot, p)) return { ok: false, message: `"${rel}" is outside the data root` };
  let existing = p;
  while (!fs.existsSync(existing) && !isLink(existing)) existing = path.dirname(existing);
  let real: string;
  try {
    real = fs.realpathSync(existing);
  } catch {
    return { ok: false, message: `"${rel}" goes through a broken link` };
  }
  if (!inside(realRoot, real)) return { ok: false, message: `"${rel}" leads outside the data root through a symbolic link` };
  if (source && existing !== p) return { ok: false, message: `"${rel}" does not exist in the data root (${realRoot})` };
  if (source && fs.statSync(real).isDirectory()) {
    const escape = linkOut(realRoot, real);
    if (escape) return { ok: false, message: `"${rel}" holds ${path.relative(real, escape)}, a link to outside the data root` };
  }
  if (!source && fs.existsSync(real) && !fs.statSync(real).isDirectory()) {
    return { ok: false, message: `"${rel}" is a file; a filesystem sink writes into a folder` };
  }
  return { ok: true, path: path.join(real, path.relative(existing, p)) };
}

const isLink = (p: string) => {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/** The first entry below `dir` (8 levels deep at most, as the runner checks) that links out of the root. */
function linkOut(root: string, dir: string, depth = 8): string | undefined {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isSymbolicLink()) {
      let real: string | undefined;
      try {
        real = fs.realpathSync(p);
      } catch {
        real = undefined;
      }
      if (real === undefined || !inside(root, real)) return p;
    } else if (e.isDirectory() && depth > 1) {
      const found = linkOut(root, p, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Errors for every filesystem path of the program that is not a usable path in the root, pinned to node + `path`. */
export function checkDataPaths(program: TableProgram, root: string): GraphError[] {
  prepareDataRoot(root);
  return fileStatements(program).flatMap((f) => {
    const r = resolveDataPath(root, f.path, f.source);
    return r.ok ? [] : [{ nodeId: f.node, field: "path", message: r.message }];
  });
}

/** The program with each filesystem path made absolute (call after checkDataPaths found nothing). */
export function resolveDataPaths(program: TableProgram, root: string): TableProgram {
  const abs = (s: Statement): Statement => {
    const key = dataPathOption(s);
    if (!key || !("descriptor" in s)) return s;
    const r = resolveDataPath(root, s.descriptor.options[key] ?? "", "table" in s);
    if (!r.ok) throw new Error(`internal error: unchecked path: ${r.message}`);
    return { ...s, descriptor: { ...s.descriptor, options: { ...s.descriptor.options, [key]: r.path } } };
  };
  return { ...program, statements: program.statements.map(abs) };
}
