// Bundles a type-checked TS UDF into the ES module the UDF worker imports (esbuild: types stripped, ES2022, no imports
// left to resolve since typecheckUdf refuses them).
import { buildSync } from "esbuild";

export function bundleUdf(code: string): string {
  const r = buildSync({
    stdin: { contents: code, loader: "ts", sourcefile: "udf.ts" },
    bundle: true, write: false, format: "esm", platform: "neutral", target: "es2022",
    logLevel: "silent", legalComments: "none", charset: "utf8",
  });
  return r.outputFiles[0]!.text;
}
