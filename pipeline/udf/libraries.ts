// The npm packages a TS UDF may `import`: esbuild bundles them into the UDF's module (the worker resolves nothing at
// run time), the server type-checks against their declarations, and the editor loads the same declarations.
// Chosen small, dependency-free, typed, widely used and maintained, each covering what UDF rows most need beyond
// the ES2022 lib: change-case (camelCase, snakeCase, … for column values and keys; ~3 KB, ESM, own types) and
// dayjs (date arithmetic, formatting and parsing for TIMESTAMP columns, which arrive as Date; ~7 KB, immutable).
// Only the bare specifiers are allowed: deep imports (dayjs/plugin/…, change-case/keys) are not.
export const UDF_LIBRARIES = ["change-case", "dayjs"] as const;
export type UdfLibrary = (typeof UDF_LIBRARIES)[number];

export const isUdfLibrary = (specifier: string): specifier is UdfLibrary =>
  (UDF_LIBRARIES as readonly string[]).includes(specifier);

/** Why an import is refused: named so that the user sees what would work instead. */
export const importRefusal = (specifier: string): string =>
  `cannot import "${specifier}": a TypeScript UDF may import only ${UDF_LIBRARIES.map((l) => `"${l}"`).join(" and ")}`;
