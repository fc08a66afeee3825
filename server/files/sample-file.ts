// Propose columns for a Files source: the first lines of the chosen file (a folder: its first file by name), read
// under the data root's rules (resolveDataPath, as a source), split as Flink's csv or JSON-lines format would.
import fs from "node:fs";
import path from "node:path";
import { parseCsv } from "@/pipeline/sample/csv-lines";
import { proposeColumns, proposeFromObjects } from "@/pipeline/sample/propose";
import type { ColumnProposal, SampleRequest } from "@/pipeline/sample/request";
import { resolveDataPath } from "./data-root";

const MAX_BYTES = 64 * 1024;
const MAX_ROWS = 20;

/** A sample that cannot be read; `field` names the config field to show it on. */
export class SampleError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

type FileRequest = Extract<SampleRequest, { from: "data-file" }>;

export function sampleDataFile(root: string, req: FileRequest): ColumnProposal {
  const r = resolveDataPath(root, req.path, true);
  if (!r.ok) throw new SampleError(r.message, "path");
  const file = fs.statSync(r.path).isDirectory() ? firstFile(r.path, req.path) : r.path;
  const { text, complete } = head(file);
  const shown = path.relative(fs.realpathSync(root), file);
  if (req.format === "json") {
    const lines = text.split(/\r?\n/).slice(0, complete ? undefined : -1).filter((l) => l.trim() !== "").slice(0, MAX_ROWS);
    const objects = lines.map((l, i) => {
      let v: unknown;
      try {
        v = JSON.parse(l);
      } catch (e) {
        throw new SampleError(`${shown}, line ${i + 1}: not JSON (${(e as Error).message})`, "format");
      }
      if (!v || typeof v !== "object" || Array.isArray(v)) throw new SampleError(`${shown}, line ${i + 1}: not a JSON object`, "format");
      return v as Record<string, unknown>;
    });
    return { ...proposeFromObjects(objects), source: `${shown}, first ${objects.length} lines` };
  }
  if ([...req.fieldDelimiter].length !== 1) throw new SampleError("the field delimiter is one character", "fieldDelimiter");
  const rows = parseCsv(text, req.fieldDelimiter, MAX_ROWS + (req.header ? 1 : 0), complete);
  const header = req.header ? (rows.shift() ?? null) : null;
  return { columns: proposeColumns(header, rows), rows, source: `${shown}, first ${rows.length} rows${header ? " after the header" : ""}` };
}

/** The folder's first regular, visible file by name (as a user sees the folder), checked to stay inside it. */
function firstFile(dir: string, rel: string): string {
  const name = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => e.name).sort()[0];
  if (!name) throw new SampleError(`"${rel}" holds no file to sample`, "path");
  return path.join(dir, name);
}

function head(file: string): { text: string; complete: boolean } {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(MAX_BYTES);
    const n = fs.readSync(fd, buf, 0, MAX_BYTES, 0);
    return { text: buf.subarray(0, n).toString("utf8"), complete: n < MAX_BYTES };
  } finally {
    fs.closeSync(fd);
  }
}
