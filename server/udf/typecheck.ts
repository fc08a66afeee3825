// Type-checks a TS UDF (map, filter, flatMap, aggregate) with the TypeScript compiler against the generated `Input`
// declaration and the allowlisted libraries' declarations (in memory, ES2022 lib, no DOM, the editor's compiler
// options), refuses other imports, and reads the output columns from the function's declared return type.
import path from "node:path";
import ts from "typescript";
import { type DataType, formatType, type RowType } from "@/pipeline/types";
import { UDF_COMPILER_OPTIONS, UDF_FILES } from "@/pipeline/udf/compiler-options";
import { udfGlobals } from "@/pipeline/udf/declarations";
import { importRefusal, isUdfLibrary } from "@/pipeline/udf/libraries";
import { type MergingWindow, missingAggregateExports, readExports } from "@/pipeline/udf/aggregate-exports";
import { FLINK_TYPE_OF_TS, type OutputColumn, type ReturnShape } from "@/pipeline/udf/output-type";
import { SUPPORTED } from "@/pipeline/udf/ts-type";
import { findImports } from "./imports";
import { udfLibraryDeclarations } from "./library-types";

export type UdfDiagnostic = { line: number; column: number; start: number; end: number; message: string };
export type TypecheckResult = { diagnostics: UdfDiagnostic[]; outputColumns?: OutputColumn[] };

const { code: USER_FILE, globals: GLOBALS_FILE, libraries: LIBRARIES_FILE } = UDF_FILES;
const LIB_DIR = path.dirname(ts.getDefaultLibFilePath({}));
const OPTIONS = UDF_COMPILER_OPTIONS as unknown as ts.CompilerOptions;
/** "Cannot find module …": an import is already refused with our own message. */
const IMPORT_CODES = new Set([2307, 2792]);

/** Lib files parsed once per process: they are most of the work and never change. */
const libCache = new Map<string, ts.SourceFile>();

function host(files: Map<string, string>): ts.CompilerHost {
  const read = (f: string) => files.get(f) ?? (f.startsWith(LIB_DIR) ? ts.sys.readFile(f) : undefined);
  return {
    getSourceFile(fileName, target) {
      if (files.has(fileName)) return ts.createSourceFile(fileName, files.get(fileName)!, target, true);
      let sf = libCache.get(fileName);
      const text = sf ? undefined : read(fileName);
      if (!sf && text !== undefined) libCache.set(fileName, (sf = ts.createSourceFile(fileName, text, target, true)));
      return sf;
    },
    getDefaultLibFileName: (o) => path.join(LIB_DIR, ts.getDefaultLibFileName(o)),
    writeFile: () => {},
    getCurrentDirectory: () => "/udf",
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
    directoryExists: (d) => d === "/udf" || d.startsWith(LIB_DIR),
    getDirectories: () => [],
  };
}

/** The TS UDF kinds and what their default export returns (pipeline/udf/output-type.ts). */
import type { UdfKind } from "@/pipeline/kinds/define";
export type { UdfKind };
const SHAPE: Record<UdfKind, ReturnShape> = { map: "object", filter: "boolean", flatMap: "rows", aggregate: "object" };

/** `merging`: the window kind an aggregate runs in when Flink merges its accumulators there (aggregate-exports.ts). */
export function typecheckUdf(code: string, input: RowType, kind: UdfKind = "map", merging?: MergingWindow): TypecheckResult {
  const files = new Map([[USER_FILE, code], [GLOBALS_FILE, udfGlobals(input)], [LIBRARIES_FILE, udfLibraryDeclarations()]]);
  const program = ts.createProgram({ rootNames: [GLOBALS_FILE, LIBRARIES_FILE, USER_FILE], options: OPTIONS, host: host(files) });
  const sf = program.getSourceFile(USER_FILE)!;
  const at = (start: number, end: number, message: string): UdfDiagnostic => {
    const { line, character } = sf.getLineAndCharacterOfPosition(start);
    return { line: line + 1, column: character + 1, start, end, message };
  };
  // A static import of an allowlisted library is bundled; anything else (other modules, import(), require) is refused.
  const refused = findImports(sf).filter((i) => !(i.static && isUdfLibrary(i.specifier)));
  const diagnostics = refused.map((i) => at(i.start, i.end, i.static || !isUdfLibrary(i.specifier) ? importRefusal(i.specifier) : `import "${i.specifier}" with a static import at the top`));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (IMPORT_CODES.has(d.code) || (d.file && d.file !== sf)) continue;
    const start = d.start ?? 0;
    // the compiler's own complaint about a refused import ("Cannot find module/name …") would only repeat ours
    if (refused.some((i) => start >= i.start && start < i.end)) continue;
    diagnostics.push(at(start, start + (d.length ?? 0), ts.flattenDiagnosticMessageText(d.messageText, "\n")));
  }
  const out = outputColumns(program.getTypeChecker(), sf, at, SHAPE[kind]);
  if (kind === "aggregate") out.diagnostics.push(...missingExports(program.getTypeChecker(), sf, code, at, merging));
  diagnostics.push(...out.diagnostics);
  diagnostics.sort((a, b) => a.start - b.start);
  return { diagnostics, outputColumns: diagnostics.length ? undefined : out.columns };
}

type At = (start: number, end: number, message: string) => UdfDiagnostic;

/** The declared return type of the default-exported function, mapped to Flink types. */
function outputColumns(checker: ts.TypeChecker, sf: ts.SourceFile, at: At, shape: ReturnShape): { columns?: OutputColumn[]; diagnostics: UdfDiagnostic[] } {
  const fn = sf.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s)
    && (ts.getCombinedModifierFlags(s) & ts.ModifierFlags.ExportDefault) === ts.ModifierFlags.ExportDefault);
  if (!fn) return { diagnostics: [at(0, 0, "export the function: export default function map(row: Input): { … } { … }")] };
  if (!fn.type) return { diagnostics: [at(fn.getStart(sf), fn.parameters.end, shape === "boolean" ? "declare the return type boolean" : "declare the output columns as the return type")] };
  let ret = checker.getTypeFromTypeNode(fn.type);
  if (shape === "boolean") {
    const ok = (ret.flags & ts.TypeFlags.BooleanLike) !== 0 || (ret.isUnion() && ret.types.every((t) => t.flags & ts.TypeFlags.BooleanLiteral));
    return { columns: [], diagnostics: ok ? [] : [at(fn.type.getStart(sf), fn.type.getEnd(), `a filter returns boolean, not ${checker.typeToString(ret)}`)] };
  }
  if (shape === "rows") {
    const element = rowElement(checker, ret);
    if (!element) return { diagnostics: [at(fn.type.getStart(sf), fn.type.getEnd(), `a flatMap returns rows: an array (or Iterable) of an object type, not ${checker.typeToString(ret)}`)] };
    ret = element;
  }
  const columns: OutputColumn[] = [];
  const diagnostics: UdfDiagnostic[] = [];
  for (const prop of checker.getPropertiesOfType(ret)) {
    const decl = prop.valueDeclaration ?? fn.type;
    const fail = (m: string) => diagnostics.push(at(decl.getStart(sf), decl.getEnd(), `output column "${prop.name}": ${m}`));
    if (prop.flags & ts.SymbolFlags.Optional) { fail("use | null instead of ?"); continue; }
    const t = checker.getTypeOfSymbolAtLocation(prop, fn);
    const r = classify(checker, t, fn);
    if (typeof r === "string") fail(r);
    else columns.push({ name: prop.name, type: r });
  }
  if (!columns.length && !diagnostics.length) diagnostics.push(at(fn.type.getStart(sf), fn.type.getEnd(), "declare at least one output column"));
  return { columns, diagnostics };
}

/** T of T[], readonly T[], Array<T>, Iterable<T>, Generator<T> and the like. */
function rowElement(checker: ts.TypeChecker, t: ts.Type): ts.Type | undefined {
  if (checker.isArrayType(t) || checker.isTupleType(t)) return checker.getTypeArguments(t as ts.TypeReference)[0];
  const name = t.getSymbol()?.getName();
  if (name && ["Iterable", "Generator", "IterableIterator", "ReadonlyArray", "IterableIterator"].includes(name)) {
    return checker.getTypeArguments(t as ts.TypeReference)[0];
  }
  return undefined;
}

/**
 * An aggregate's accumulator functions, which the worker calls by name: exported in any form (declaration, const,
 * export list, re-export) and callable, as the compiler resolves them; messages and place as the editor's.
 */
function missingExports(checker: ts.TypeChecker, sf: ts.SourceFile, code: string, at: At, merging: MergingWindow | undefined): UdfDiagnostic[] {
  const mod = checker.getSymbolAtLocation(sf);
  const exported = new Map((mod ? checker.getExportsOfModule(mod) : []).map((e) => [e.name, e]));
  const callable = (name: string) => {
    let sym = exported.get(name);
    if (!sym) return false;
    if (sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    return checker.getTypeOfSymbolAtLocation(sym, sf).getCallSignatures().length > 0;
  };
  const { acc, anchor } = readExports(code);
  return missingAggregateExports(callable, merging, acc).map((m) => at(anchor.start, anchor.end, m.message));
}

/**
 * A property's TypeScript type as a Flink type, as pipeline/udf/ts-type.ts reads it from the text: primitives, object
 * types → ROW, arrays → ARRAY, Map → MAP, each `| null` for nullable; or why it cannot be mapped.
 */
function classify(checker: ts.TypeChecker, t: ts.Type, at: ts.Node, depth = 0): DataType | string {
  if (depth > 16) return "nests more than 16 levels";
  const members = t.isUnion() ? t.types : [t];
  const kinds = new Map<string, DataType>();
  let nullable = false;
  for (const m of members) {
    const f = m.flags;
    const name = m.getSymbol()?.getName();
    const args = () => checker.getTypeArguments(m as ts.TypeReference);
    let r: DataType | string;
    if (f & ts.TypeFlags.Null) { nullable = true; continue; }
    if (f & ts.TypeFlags.StringLike) r = { ...FLINK_TYPE_OF_TS.string!, nullable: false };
    else if (f & ts.TypeFlags.NumberLike) r = { ...FLINK_TYPE_OF_TS.number!, nullable: false };
    else if (f & ts.TypeFlags.BigIntLike) r = { ...FLINK_TYPE_OF_TS.bigint!, nullable: false };
    else if (f & ts.TypeFlags.BooleanLike) r = { ...FLINK_TYPE_OF_TS.boolean!, nullable: false };
    else if (f & ts.TypeFlags.Any) return `type ${checker.typeToString(m)} is not supported; use ${SUPPORTED}`;
    else if (name === "Date") r = { ...FLINK_TYPE_OF_TS.Date!, nullable: false };
    else if (checker.isArrayType(m) || name === "ReadonlyArray") {
      const e = classify(checker, args()[0]!, at, depth + 1);
      r = typeof e === "string" ? e : { root: "ARRAY", nullable: false, element: e };
    } else if ((name === "Map" || name === "ReadonlyMap") && args().length === 2) {
      const [k, v] = args().map((a) => classify(checker, a, at, depth + 1));
      r = typeof k === "string" ? `key: ${k}` : typeof v === "string" ? `value: ${v}` : { root: "MAP", nullable: false, key: k!, value: v! };
    } else if ((f & ts.TypeFlags.Object) && !checker.isTupleType(m) && m.getCallSignatures().length === 0 && !name?.match(/^(Set|WeakMap|WeakSet|Promise|Function|RegExp)$/)) {
      r = rowOf(checker, m, at, depth);
    } else return `type ${checker.typeToString(m)} is not supported; use ${SUPPORTED}`;
    if (typeof r === "string") return r;
    kinds.set(formatType(r), r);
  }
  if (kinds.size !== 1) return kinds.size ? `give it one type, not ${[...kinds.keys()].join(" | ")}` : "cannot be only null";
  return { ...[...kinds.values()][0]!, nullable };
}

function rowOf(checker: ts.TypeChecker, m: ts.Type, at: ts.Node, depth: number): DataType | string {
  const fields: NonNullable<DataType["fields"]> = [];
  for (const p of checker.getPropertiesOfType(m)) {
    if (p.flags & ts.SymbolFlags.Optional) return `field "${p.name}": use | null instead of ?`;
    const r = classify(checker, checker.getTypeOfSymbolAtLocation(p, at), at, depth + 1);
    if (typeof r === "string") return `field "${p.name}": ${r}`;
    fields.push({ name: p.name, type: r });
  }
  return fields.length ? { root: "ROW", nullable: false, fields } : "an object type needs at least one field";
}
