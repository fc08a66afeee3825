// The declarations of the allowlisted UDF libraries (pipeline/udf/libraries.ts), read from their packages' own .d.ts
// files and wrapped as `declare module "<name>" { … }`: one text that the server's type-check and the browser's
// Monaco both load, so that both resolve an import the same way without a file system.
import fs from "node:fs";
import path from "node:path";
import { UDF_LIBRARIES, type UdfLibrary } from "@/pipeline/udf/libraries";
import { appRoot } from "@/server/runner/spawn";

/** Each library's declaration entry point and the global declarations it references (dayjs's ILocale). */
const FILES: Record<UdfLibrary, { module: string; globals?: string }> = {
  "change-case": { module: "change-case/dist/index.d.ts" },
  dayjs: { module: "dayjs/index.d.ts", globals: "dayjs/locale/types.d.ts" },
};

const read = (rel: string) => fs.readFileSync(path.join(appRoot(), "node_modules", rel), "utf8");

/** A module's declaration file as the body of an ambient module: no references, no `declare` (implied there). */
export function ambientModule(specifier: string, dts: string): string {
  const body = dts
    .replace(/^\/\/\/\s*<reference[^>]*>\s*$/gm, "")
    .replace(/^(\s*)(export\s+)?declare\s+/gm, "$1$2");
  return `declare module ${JSON.stringify(specifier)} {\n${body}\n}\n`;
}

let cached: string | undefined;
/** All allowlisted libraries' declarations as one global .d.ts text (read once per process). */
export function udfLibraryDeclarations(): string {
  cached ??= UDF_LIBRARIES.map((lib) => {
    const f = FILES[lib];
    return (f.globals ? read(f.globals) : "") + ambientModule(lib, read(f.module));
  }).join("\n");
  return cached;
}
