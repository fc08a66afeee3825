// Real checks of the printers: the Java printed for every IR fixture and test program compiles with javac against
// jvm-runner's classpath and, run on a local MiniCluster, prints exactly the expected rows; the printed SQL plans on Flink.
// The run test uses the classes the compile test writes (tests in a file run in order).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TableProgramSchema, type TableProgram } from "../ir";
import { hostileProgram, literalsProgram, udfProgram, windowProgram } from "./testing/programs";
import { printJava, printSql } from "./index";
import { HARNESS, SQL_PLAN } from "./testing/harness";
import { splitSql } from "./testing/lexers";
import { javaRowText, sinkColumnTypes } from "./testing/row-text";

const ROOT = path.join(import.meta.dirname, "..", "..");
const FIXTURES = path.join(ROOT, "pipeline", "fixtures");
const RUNNER = path.join(ROOT, "jvm-runner");
const CLASSPATH = `${path.join(RUNNER, "target", "classes")}:${path.join(RUNNER, "target", "lib", "*")}`;
const JVM_OPTIONS = readFileSync(path.join(RUNNER, "jvm.options"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

const cases = readdirSync(FIXTURES).filter((f) => f.endsWith(".ir.json")).map((f) => f.slice(0, -".ir.json".length)).sort();
const readProgram = (base: string) => TableProgramSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, `${base}.ir.json`), "utf8")));
const classOf = (src: string) => /^public class (\w+) \{$/m.exec(src)![1]!;

let dir = "";
/** hop, session and cumulate over the same datagen source (the fixtures' windows read values, which SQL cannot watermark) */
const otherWindows = [
  windowProgram(60_000, 500, { type: "hop", timeColumn: "event time", sizeMs: 60_000, slideMs: 20_000 }),
  windowProgram(1500, 0, { type: "session", timeColumn: "event time", gapMs: 1500 }),
  windowProgram(3_600_000, 0, { type: "cumulate", timeColumn: "event time", stepMs: 60_000, sizeMs: 3_600_000 }),
];

/** Generated code must compile without a single lint warning; the harness (`strict` false) only has to compile. */
function javac(outDir: string, encoding: string, files: string[], strict = true) {
  mkdirSync(outDir, { recursive: true });
  const lint = strict ? ["-Xlint:all", "-Werror"] : [];
  return spawnSync("javac", ["-encoding", encoding, ...lint, "-d", outDir, "-cp", CLASSPATH, ...files], { encoding: "utf8" });
}

/** Writes each program's Java under `sub` and returns the file paths by class name. */
function writeAll(sub: string, programs: TableProgram[], ascii: boolean): Map<string, string> {
  const files = new Map<string, string>();
  mkdirSync(path.join(dir, sub), { recursive: true });
  for (const p of programs) {
    const src = printJava(p, { ascii });
    if (ascii) expect(src).toMatch(/^[\x00-\x7f]*$/);
    const file = path.join(dir, sub, `${classOf(src)}.java`);
    expect(files.has(classOf(src)), `two programs print class ${classOf(src)}`).toBe(false);
    writeFileSync(file, src);
    files.set(classOf(src), file);
  }
  return files;
}

/**
 * A field as Row#toString prints it or as the rows file encodes it, canonicalized so both read alike: 2.0 (a Java
 * double) equals 2 (a JSON number), 12.50 equals 12.5, and 2024-01-01T00:00 (LocalDateTime) equals 2024-01-01T00:00:00.000.
 */
const canon = (v: unknown) => {
  const s = v === null ? "null" : String(v);
  if (/^-?\d+$/.test(s)) return BigInt(s).toString();
  if (/^-?\d+\.\d+$/.test(s)) return s.replace(/\.?0+$/, "");
  if (/^-?\d+(\.\d+)?E-?\d+$/.test(s)) return String(Number(s));
  const ts = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?$/.exec(s);
  if (ts) return `${ts[1]}${ts[2] ?? ":00"}${(ts[3] ?? "").replace(/\.?0+$/, "")}`;
  return s;
};
const rowKey = (values: unknown[]) => JSON.stringify(values.map(canon));

beforeAll(() => {
  if (!existsSync(path.join(RUNNER, "target", "lib")) || !existsSync(path.join(RUNNER, "target", "classes"))) {
    throw new Error("jvm-runner/target/lib or target/classes is missing: run mvn package first (mvn -B -f jvm-runner/pom.xml package -DskipTests)");
  }
  dir = mkdtempSync(path.join(tmpdir(), "streamcanvas-codegen-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("printJava output compiles and runs on Flink", () => {
  const hostile = hostileProgram(true);
  const literals = literalsProgram();
  const windows = [windowProgram(60_000, 1500), windowProgram(123_456_789, 0), ...otherWindows];
  const udf = udfProgram();
  const programs = [...cases.map(readProgram), hostile.program, literals.program, ...windows, udf.program];

  it("compiles as UTF-8 and, with ascii: true, as US-ASCII, with no javac warnings", () => {
    for (const [sub, encoding, ascii] of [["utf8", "UTF-8", false], ["ascii", "US-ASCII", true]] as const) {
      // every program as UTF-8; the non-ASCII ones (fixtures with accents, the hostile names) as ASCII too
      const files = writeAll(sub, ascii ? programs.filter((p) => /[^\x00-\x7f]/.test(JSON.stringify(p))) : programs, ascii);
      const r = javac(path.join(dir, sub, "classes"), encoding, [...files.values()]);
      expect(r.stderr + r.stdout, `javac (${encoding})`).toBe("");
      expect(r.status).toBe(0);
    }
  });

  it("prints the rows of every fixture with a rows file, and of the hostile program, when run", () => {
    const classes = path.join(dir, "utf8", "classes");
    const h = javac(classes, "UTF-8", [writeSource("LoopbackHarness.java", HARNESS)], false);
    expect(h.stderr + h.stdout).toBe("");
    const withRows = cases.filter((c) => existsSync(path.join(FIXTURES, `${c}.rows.json`)));
    const extra = [hostile.program, literals.program, udf.program];
    const mains = [...withRows.map((c) => classOf(printJava(readProgram(c)))), ...extra.map((p) => classOf(printJava(p)))];
    // filesystem fixtures name paths relative to the data root: run where a copy of the fixtures' data files is
    const cwd = path.join(dir, "data-root");
    cpSync(path.join(FIXTURES, "data"), cwd, { recursive: true });
    const run = spawnSync("java", [...JVM_OPTIONS, "-cp", `${classes}:${CLASSPATH}`, "LoopbackHarness", ...mains], { encoding: "utf8", timeout: 540_000, cwd });
    expect(run.status, run.stderr.slice(-4000)).toBe(0);
    const printed = parseOutput(run.stdout);
    withRows.forEach((c, i) => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${c}.rows.json`), "utf8")) as Record<string, unknown[][]>;
      const got = printed.get(mains[i]!) ?? {};
      const types = sinkColumnTypes(path.join(FIXTURES, `${c}.graph.json`));
      for (const [sink, rows] of Object.entries(expected)) {
        expect((got[sink] ?? []).map(rowKey).sort(), `${c}: ${sink}`).toEqual(rows.map((r) => rowKey(javaRowText(types[sink], r))).sort());
      }
      expect(Object.keys(got).sort(), c).toEqual(Object.keys(expected).sort());
    });
    const hostileRows = printed.get(mains.at(-3)!)?.env ?? [];
    expect(hostileRows.map(rowKey).sort()).toEqual(hostile.expectedRows.map(rowKey).sort());
    expect(printed.get(mains.at(-2)!)?.out).toEqual([literals.expectedRow]);
    expect(printed.get(mains.at(-1)!)?.out?.map(rowKey).sort()).toEqual(udf.expectedRows.map(rowKey).sort());
    expect(printed.get(mains.at(-1)!)?.more?.map(rowKey).sort()).toEqual(udf.more.map(rowKey).sort());
    expect(printed.get(mains.at(-1)!)?.total).toEqual(udf.total);
  }, 600_000); // ~35 programs one after another in one JVM: minutes on a loaded 2-core machine
});

describe("printSql output", () => {
  it("plans on Flink, statement by statement (CREATE and SET executed, queries and the statement set EXPLAINed)", () => {
    const programs = [
      ...cases.map((c) => [c, readProgram(c)] as const), ["hostile", hostileProgram(false).program] as const,
      ["window-minute", windowProgram(60_000, 1500)] as const, ["window-odd", windowProgram(123_456_789, 0)] as const,
      ...otherWindows.map((p, i) => [`window-${i}`, p] as const),
    ];
    // fixtures SQL cannot express (CodegenError, pinned in their golden .sql.txt) are left out
    // programs with TS UDFs are left out too: their SQL calls functions that only jvm-runner registers (the script says how)
    const usesUdf = (p: TableProgram) => p.statements.some((s) => s.op.startsWith("udf") || (s.op === "window" && "udf" in s && !!s.udf));
    const printable = programs.filter(([, p]) => !usesUdf(p)).filter(([, p]) => { try { return printSql(p) !== ""; } catch { return false; } });
    const pinned = cases.filter((c) => readFileSync(path.join(FIXTURES, `${c}.sql.txt`), "utf8").startsWith("-- no Flink SQL equivalent"));
    expect(programs.filter((p) => !printable.includes(p) && !usesUdf(p[1])).map(([name]) => name)).toEqual(pinned);
    // a JDBC table's url placeholder stands for an address never dialled (Flink's jdbc factory picks its dialect from the
    // url while planning; it connects only when the job runs), as ChangelogModeITCase's OFFLINE connections do
    const offline = (sql: string) => sql.replace(/\$\{connection:[^}]*\.url\}/g, "jdbc:postgresql://127.0.0.1:9/offline");
    const files = printable.map(([name, p]) => writeSource(`${name}.sql-statements`, splitSql(offline(printSql(p))).join("\u0000")));
    const classes = path.join(dir, "sql-classes");
    const c = javac(classes, "UTF-8", [writeSource("SqlPlanCheck.java", SQL_PLAN)], false);
    expect(c.stderr + c.stdout).toBe("");
    const run = spawnSync("java", [...JVM_OPTIONS, "-cp", `${classes}:${CLASSPATH}`, "SqlPlanCheck", ...files], { encoding: "utf8", timeout: 120_000 });
    expect(run.stdout.split("\n").filter((l) => l.startsWith("FAIL")), run.stderr.slice(-3000)).toEqual([]);
    expect(run.stdout).toContain("ALL PLANNED");
  });
});

function writeSource(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** `=== Class` starts a program's output; `sink> +I[a, b]` lines are its collect rows, a changelog applied here. */
function parseOutput(stdout: string): Map<string, Record<string, string[][]>> {
  const out = new Map<string, Record<string, string[][]>>();
  let current: Record<string, string[][]> = {};
  for (const line of stdout.split("\n")) {
    const start = /^=== (\w+)$/.exec(line);
    if (start) out.set(start[1]!, (current = {}));
    const row = /^(\w+)> ([+-][IUD])\[(.*)\]$/.exec(line);
    if (!row) continue;
    const rows = (current[row[1]!] ??= []);
    const values = row[3]!.split(", ");
    if (row[2]!.startsWith("+")) rows.push(values);
    else rows.splice(rows.findIndex((r) => JSON.stringify(r) === JSON.stringify(values)) >>> 0, 1);
  }
  return out;
}
