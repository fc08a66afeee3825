// Paths of filesystem sources and sinks: relative to the server's data root, checked lexically here (pure, so the
// canvas shows the error at once); the server then resolves symlinks (server/files) and the runner checks again.
import { z } from "zod";
import type { GraphError } from "../graph";

export const DataPathSchema = (description: string) =>
  z.string().default("").meta({ title: "Path", description });

export const FileFormatSchema = z.enum(["csv", "json"]).default("csv").meta({
  title: "Format",
  description: "csv: comma-separated lines (the first may be a header: see below); json: one JSON object per line (JSON lines).",
});
export type FileFormat = z.infer<typeof FileFormatSchema>;

/** The path's segments when it is a plain relative path inside the data root; otherwise an error for field `path`. */
export function checkDataPath(nodeId: string, path: string): GraphError[] {
  const at = (message: string): GraphError[] => [{ nodeId, field: "path", message }];
  if (path.trim() === "") return at("give a path relative to the data root, e.g. input/orders.csv");
  if (path.includes("\0")) return at("the path holds a NUL character");
  if (/^([/\\~]|[A-Za-z]:)/.test(path)) return at(`"${path}" is absolute; give a path relative to the data root`);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) return at(`"${path}" names a URL scheme; give a path relative to the data root`);
  if (path.split(/[/\\]/).some((s) => s === "..")) return at(`"${path}" leaves the data root (..)`);
  return [];
}
