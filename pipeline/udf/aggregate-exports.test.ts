// A TS aggregate's accumulator functions read from tokens: every export form counts, merge is asked for where a window merges.
import { describe, expect, it } from "vitest";
import { aggregateExportProblems, readExports } from "./aggregate-exports";

const CODE = `type Acc = { n: number };
export function create(): Acc { return { n: 0 }; }
export function add(acc: Acc, row: Input): Acc { return { n: acc.n + 1 }; }
export default function result(acc: Acc): { n: number } { return acc; }
`;

describe("readExports", () => {
  it("reads declarations, const/let, async and generator functions, export lists with aliases, and the default", () => {
    const ex = readExports(`export async function a() {}\nexport function* b() {}\nexport const c = () => 1;\nlet d = 1, e = 2;
export { d, e as f, g as default };\nexport type T = number;\nexport interface I {}\nconst s = "export function h() {}"; // export function i
`);
    expect([...ex.names].sort()).toEqual(["a", "b", "c", "d", "default", "f"]);
    expect(ex.opaque).toBe(false);
  });

  it("cannot see through export * or a destructuring export, and says so", () => {
    expect(readExports(`export * from "dayjs";`).opaque).toBe(true);
    expect(readExports(`export const { a, b } = o;`).opaque).toBe(true);
  });

  it("names the accumulator after create()'s declared return type", () => {
    expect(readExports(CODE.replaceAll("Acc", "Totals")).acc).toBe("Totals");
    expect(readExports("export function create() { return 0; }").acc).toBe("Acc");
  });
});

describe("aggregateExportProblems", () => {
  it("asks for merge only in the windows where Flink merges accumulators, pinned to the default export", () => {
    expect(aggregateExportProblems(CODE)).toEqual([]);
    const start = CODE.indexOf("export default");
    for (const w of ["hop", "session", "cumulate"] as const) {
      expect(aggregateExportProblems(CODE, w)).toEqual([{
        message: `a ${w} window merges accumulators: export function merge(a: Acc, b: Acc): Acc { … }`,
        span: { start, end: start + "export default".length },
      }]);
    }
    expect(aggregateExportProblems(`${CODE}export const merge = (a: Acc, b: Acc): Acc => ({ n: a.n + b.n });\n`, "session")).toEqual([]);
  });

  it("always asks for create and add, in the accumulator's own type name", () => {
    const code = CODE.replaceAll("Acc", "S").replace("export function create", "function create").replace("export function add", "function ad");
    expect(aggregateExportProblems(code).map((p) => p.message)).toEqual([
      "an aggregate starts each group from create(): export function create(): Acc { … }",
      "an aggregate folds each row in with add(): export function add(acc: Acc, row: Input): Acc { … }",
    ]);
    expect(aggregateExportProblems(`${code}export { create, ad as add };\n`)).toEqual([]);
  });
});
