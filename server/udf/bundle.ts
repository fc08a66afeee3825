// Bundles a type-checked TS UDF into the ES module the UDF worker imports (esbuild: types stripped, ES2022), with the
// allowlisted libraries it imports inlined from node_modules: the worker resolves no module at run time. An inline
// source map (with the user's source only) lets the runner map a UDF's stack to the TypeScript line (its SourceMap).
import { buildSync } from "esbuild";
import { importRefusal, isUdfLibrary } from "@/pipeline/udf/libraries";
import { appRoot } from "@/server/runner/spawn";

const SOURCE = "udf.ts";

export function bundleUdf(code: string): string {
  const r = buildSync({
    stdin: { contents: code, loader: "ts", sourcefile: SOURCE, resolveDir: appRoot() },
    bundle: true, write: false, format: "esm", platform: "neutral", target: "es2022",
    mainFields: ["module", "main"], metafile: true,
    logLevel: "silent", legalComments: "none", charset: "utf8", sourcemap: "external", outfile: "udf.js",
  });
  // typecheckUdf refused these already; checked again so that the bundle is safe on its own (buildSync takes no
  // resolver plugins). A library's own internal imports are its business; only the UDF's are checked.
  const refused = (r.metafile.inputs[SOURCE]?.imports ?? []).find((i) => !isUdfLibrary(i.original ?? i.path));
  if (refused) throw new Error(importRefusal(refused.original ?? refused.path));
  const js = r.outputFiles.find((f) => f.path.endsWith(".js"))!.text;
  const map = JSON.parse(r.outputFiles.find((f) => f.path.endsWith(".map"))!.text) as { sources: string[]; sourcesContent?: (string | null)[] };
  // the libraries' sources would only make the job bigger: the runner maps and shows the user's lines alone
  map.sourcesContent = map.sources.map((src, i) => (src.endsWith(SOURCE) ? (map.sourcesContent?.[i] ?? null) : null));
  const inline = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}`;
  return `${js.endsWith("\n") ? js : `${js}\n`}${inline}\n`; // "external": esbuild adds no comment of its own
}
