// Bundles a type-checked TS UDF into the ES module the UDF worker imports (esbuild: types stripped, ES2022), with the
// allowlisted libraries it imports inlined from node_modules: the worker resolves no module at run time.
import { buildSync } from "esbuild";
import { importRefusal, isUdfLibrary } from "@/pipeline/udf/libraries";
import { appRoot } from "@/server/runner/spawn";

const SOURCE = "udf.ts";

export function bundleUdf(code: string): string {
  const r = buildSync({
    stdin: { contents: code, loader: "ts", sourcefile: SOURCE, resolveDir: appRoot() },
    bundle: true, write: false, format: "esm", platform: "neutral", target: "es2022",
    mainFields: ["module", "main"], metafile: true,
    logLevel: "silent", legalComments: "none", charset: "utf8",
  });
  // typecheckUdf refused these already; checked again so that the bundle is safe on its own (buildSync takes no
  // resolver plugins). A library's own internal imports are its business; only the UDF's are checked.
  const refused = (r.metafile.inputs[SOURCE]?.imports ?? []).find((i) => !isUdfLibrary(i.original ?? i.path));
  if (refused) throw new Error(importRefusal(refused.original ?? refused.path));
  return r.outputFiles[0]!.text;
}
