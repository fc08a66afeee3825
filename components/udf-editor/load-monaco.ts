// Loads Monaco at run time from StreamCanvas's own /monaco/ folder (bundled by scripts/build-monaco.mjs), once per
// page and only when a UDF editor opens: Next's bundler never sees it, so the editor page's first-load JS stays small.
import type * as MonacoAll from "monaco-editor";
import { UDF_COMPILER_OPTIONS } from "@/pipeline/udf/compiler-options";

/** What /monaco/monaco.js exports: the editor API and the TypeScript language (no css/html/json). */
export type Monaco = Omit<typeof MonacoAll, "css" | "html" | "json" | "lsp">;

const BASE = "/monaco/";
let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined; // let a later editor retry
    throw e;
  });
  return loading;
}

async function load(): Promise<Monaco> {
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    // The TypeScript language service runs in its own worker; everything else in the generic editor worker.
    getWorker: (_: string, label: string) =>
      new Worker(`${BASE}${label === "typescript" || label === "javascript" ? "ts" : "editor"}.worker.js`, { type: "module", name: label }),
  };
  await addStylesheet(`${BASE}monaco.css`);
  const url = `${BASE}monaco.js`;
  const monaco = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as Monaco;
  const ts = monaco.typescript.typescriptDefaults;
  ts.setCompilerOptions(UDF_COMPILER_OPTIONS as unknown as Parameters<typeof ts.setCompilerOptions>[0]);
  // A module outside the allowlist gets StreamCanvas's own marker (import-sites.ts), as on the server, instead of
  // "Cannot find module" / "Cannot find name 'require'".
  ts.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [2307, 2792, 2580, 2591] });
  // Errors in a model appear without waiting for it to be the one in view.
  ts.setEagerModelSync(true);
  return monaco;
}

function addStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`cannot load ${href}`));
    document.head.append(link);
  });
}
