// The TypeScript compiler options of a UDF, shared by the server's type-check (server/udf/typecheck.ts) and the
// browser editor's Monaco TypeScript worker, so that both report the same errors. Enum members are TypeScript's
// own numbers (pipeline/ imports no compiler); compiler-options.test.ts checks them against the compiler.
export const UDF_COMPILER_OPTIONS = {
  target: 9, // ScriptTarget.ES2022
  module: 99, // ModuleKind.ESNext
  moduleResolution: 100, // ModuleResolutionKind.Bundler
  moduleDetection: 3, // ModuleDetectionKind.Force: the UDF is a module even before it exports anything
  lib: ["lib.es2022.d.ts"], // no DOM: the worker has none
  types: [] as string[],
  strict: true,
  noImplicitReturns: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
};

/** Where the generated declarations live, for the server's in-memory program and Monaco's extra libs alike. */
export const UDF_FILES = { code: "/udf/map.ts", globals: "/udf/globals.d.ts", libraries: "/udf/libraries.d.ts" } as const;
