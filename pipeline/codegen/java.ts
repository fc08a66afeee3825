// printJava: a TableProgram as a standalone Java 17 program making the same Table API calls jvm-runner makes for it.
import type { Statement, TableDescriptorIr, TableProgram } from "../ir";
import { javaExpr, newUses, type JavaUses } from "./java-expr";
import { javaClassName, JavaNames, javaString, javaType } from "./java-text";
import { CodegenError, readType } from "./literal";
import { checkProgram } from "./program";

export type JavaOptions = {
  /** Print every non-ASCII character as \uXXXX, for javac runs whose source encoding is not UTF-8. */
  ascii?: boolean;
};

const IMPORTED = [
  "BigDecimal", "LocalDate", "LocalTime", "LocalDateTime", "Instant", "ArrayList", "List", "Configuration", "JobClient",
  "StreamExecutionEnvironment", "DataTypes", "Schema", "Table", "TableDescriptor", "StreamStatementSet",
  "StreamTableEnvironment", "Row", "CloseableIterator", "String", "Thread", "System", "Exception", "RuntimeException", "Object",
];
/** The program's own locals; table variables get other names. */
const LOCALS = ["args", "conf", "env", "tEnv", "statementSet", "job", "drains", "drainThread", "drain"];

export function printJava(program: TableProgram, options: JavaOptions = {}): string {
  checkProgram(program);
  const ascii = options.ascii ?? false;
  const str = (s: string) => javaString(s, ascii);
  const names = new JavaNames(LOCALS);
  const uses = newUses();
  const className = javaClassName(program.name, new Set(IMPORTED));
  const body: string[] = [];
  const collects: string[] = [];
  let inserts = 0;
  for (const s of program.statements) {
    body.push("", ...statement(s));
  }

  function statement(s: Statement): string[] {
    const t = (name: string) => names.name("table", name);
    const comment = `    // ${s.op} ${str("table" in s ? s.table : s.sink)}`;
    switch (s.op) {
      case "from":
        return [comment, `    Table ${t(s.table)} = tEnv.from(${descriptor(s.descriptor, null)});`];
      case "filter":
        return [comment, `    Table ${t(s.table)} = ${t(s.input)}.filter(${javaExpr(s.predicate, uses, ascii)});`];
      case "select": {
        const fields = s.fields.map((f) => `        ${javaExpr(f.expr, uses, ascii)}.as(${str(f.as)})`);
        return [comment, `    Table ${t(s.table)} = ${t(s.input)}.select(`, fields.join(",\n") + ");"];
      }
      case "insertInto":
        inserts++;
        return [comment, `    statementSet.add(${t(s.input)}.insertInto(${descriptor(s.descriptor, t(s.input))}));`];
      case "collect": {
        const v = names.name("sink", s.sink);
        collects.push(`    drains.add(drain(${str(s.sink)}, ${v}));`);
        return [
          `${comment}: StreamCanvas keeps the last ${s.maxRows} rows; this program prints every changelog row`,
          `    CloseableIterator<Row> ${v} = tEnv.toChangelogStream(${t(s.input)}).collectAsync();`,
        ];
      }
    }
    throw new CodegenError(`unknown statement op ${JSON.stringify((s as { op: unknown }).op)}`);
  }

  /** TableDescriptor.forConnector(...); a sink without a schema takes its input's, as the runner's Descriptors does. */
  function descriptor(d: TableDescriptorIr, derivedFrom: string | null): string {
    const lines = [`TableDescriptor.forConnector(${str(d.connector)})`];
    if (d.schema) {
      const cols = d.schema.map((c) => `                .column(${str(c.name)}, ${javaType(readType(c.type))})`);
      lines.push(`            .schema(Schema.newBuilder()`, ...cols, `                .build())`);
    } else if (derivedFrom) {
      lines.push(`            .schema(Schema.newBuilder().fromResolvedSchema(${derivedFrom}.getResolvedSchema()).build())`);
    }
    for (const [k, v] of Object.entries(d.options)) lines.push(`            .option(${str(k)}, ${str(v)})`);
    lines.push(`            .build()`);
    return lines.join("\n");
  }

  const config = Object.entries(program.config);
  return [
    ...header(program, className, uses, ascii, collects.length > 0),
    `public class ${className} {`,
    `  public static void main(String[] args) throws Exception {`,
    `    // jvm-runner's defaults: one parallel instance, and fail on the first error instead of restarting`,
    `    Configuration conf = new Configuration();`,
    `    conf.setString("parallelism.default", "1");`,
    `    conf.setString("restart-strategy.type", "none");`,
    ...config.map(([k, v]) => `    conf.setString(${str(k)}, ${str(v)});`),
    `    // a local MiniCluster when run with java, the cluster's environment when submitted with flink run`,
    `    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);`,
    `    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);`,
    ...config.map(([k, v]) => `    tEnv.getConfig().set(${str(k)}, ${str(v)});`),
    `    StreamStatementSet statementSet = tEnv.createStatementSet();`,
    ...body,
    "",
    `    // every sink runs as ONE job, as in StreamCanvas`,
    ...(inserts > 0 ? [`    statementSet.attachAsDataStream();`] : []),
    `    JobClient job = env.executeAsync(${str(program.name)});`,
    ...(collects.length
      ? [`    List<Thread> drains = new ArrayList<>();`, ...collects, `    for (Thread drainThread : drains) drainThread.join();`]
      : []),
    `    job.getJobExecutionResult().get();`,
    `  }`,
    ...(collects.length ? drainHelper() : []),
    `}`,
    "",
  ].join("\n");
}

function header(program: TableProgram, className: string, uses: JavaUses, ascii: boolean, collects: boolean): string[] {
  const statics = ["$", "lit", ...(uses.negative ? ["negative"] : []), ...(uses.nullOf ? ["nullOf"] : [])];
  const java = [
    ...(uses.bigDecimal ? ["java.math.BigDecimal"] : []),
    ...[...uses.time].sort().map((c) => (c === "Instant" ? "java.time.Instant" : `java.time.${c}`)),
    ...(collects ? ["java.util.ArrayList", "java.util.List"] : []),
  ];
  return [
    `// ${className}.java, generated by StreamCanvas from pipeline ${javaString(program.name, ascii)}.`,
    `// The Flink 2.3 Table API calls jvm-runner makes for this pipeline's TableProgram IR. Compile and run with`,
    `// Flink's table API, planner loader, runtime, clients and connector jars on the classpath.`,
    "",
    ...statics.map((s) => `import static org.apache.flink.table.api.Expressions.${s};`),
    "",
    ...java.map((c) => `import ${c};`),
    "import org.apache.flink.configuration.Configuration;",
    "import org.apache.flink.core.execution.JobClient;",
    "import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;",
    "import org.apache.flink.table.api.DataTypes;",
    "import org.apache.flink.table.api.Schema;",
    "import org.apache.flink.table.api.Table;",
    "import org.apache.flink.table.api.TableDescriptor;",
    "import org.apache.flink.table.api.bridge.java.StreamStatementSet;",
    "import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;",
    "import org.apache.flink.types.Row;",
    "import org.apache.flink.util.CloseableIterator;",
    "",
  ];
}

/**
 * One thread per collect sink, so a sink whose rows nobody reads cannot hold back the others (the runner drains each
 * the same way). The iterator ends with the job; it is not closed, since closing it would try to cancel the job on a
 * local cluster that has already shut down.
 */
function drainHelper(): string[] {
  return [
    "",
    "  private static Thread drain(String sink, CloseableIterator<Row> rows) {",
    "    Thread t = new Thread(() -> rows.forEachRemaining(row -> System.out.println(sink + \"> \" + row)));",
    "    t.start();",
    "    return t;",
    "  }",
  ];
}
