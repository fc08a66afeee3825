// Which of the runner's jars a program needs on a Flink cluster that has only the official distribution: the runner's
// own jar always (RunProgram, TS UDF operators, the Node worker), plus the libraries of the connectors and formats it
// names. The groups are jvm-runner's ShippedJars.GROUPS, which the runner ships to a remote cluster (job-jars.test.ts).
import fs from "node:fs";
import path from "node:path";
import type { TableProgram } from "@/pipeline/ir";

/** jar file name prefixes by what needs them; `runner` is needed by every program (the runner's IR reader). */
export const JAR_GROUPS = {
  runner: ["jackson-annotations-", "jackson-core-", "jackson-databind-", "jackson-datatype-"],
  kafka: ["flink-connector-kafka-", "kafka-clients-", "zstd-jni-"],
  avro: ["flink-avro-", "avro-"],
  jdbc: ["flink-connector-jdbc-", "postgresql-"],
} as const satisfies Record<string, readonly string[]>;
export type JarGroup = keyof typeof JAR_GROUPS;

/** Connectors and formats whose classes a Flink distribution's lib/ lacks. */
const CONNECTOR_GROUPS: Record<string, JarGroup> = { kafka: "kafka", "upsert-kafka": "kafka", jdbc: "jdbc" };
const FORMAT_GROUPS: Record<string, JarGroup> = { avro: "avro", "avro-confluent": "avro" };
const FORMAT_KEYS = ["format", "key.format", "value.format"];

/** The groups `program` needs, `runner` first. */
export function jarGroups(program: TableProgram): JarGroup[] {
  const groups = new Set<JarGroup>(["runner"]);
  for (const s of program.statements) {
    if (!("descriptor" in s)) continue;
    const c = CONNECTOR_GROUPS[s.descriptor.connector];
    if (c) groups.add(c);
    for (const k of FORMAT_KEYS) {
      const f = FORMAT_GROUPS[s.descriptor.options[k] ?? ""];
      if (f) groups.add(f);
    }
  }
  return [...groups];
}

/** The runner's built jar and its library folder (mvn package lays them out so). */
export function runnerJars(root: string): { runnerJar: string; libDir: string } {
  const target = path.join(root, "jvm-runner", "target");
  const jar = fs.existsSync(target) ? fs.readdirSync(target).find((f) => /^jvm-runner-.*\.jar$/.test(f)) : undefined;
  const libDir = path.join(target, "lib");
  if (!jar || !fs.existsSync(libDir)) {
    throw new Error(`the runner is not built (no ${path.join(target, "jvm-runner-*.jar")} and lib/): run \`npm run build\` first`);
  }
  return { runnerJar: path.join(target, jar), libDir };
}

export const ALL_JAR_GROUPS = Object.keys(JAR_GROUPS) as JarGroup[];

/** Absolute paths of the library jars of `groups`; a group with no jar in `libDir` is an error. */
export function libraryJars(groups: JarGroup[], libDir: string): string[] {
  const files = fs.readdirSync(libDir).filter((f) => f.endsWith(".jar")).sort();
  const out: string[] = [];
  for (const g of groups) {
    for (const prefix of JAR_GROUPS[g]) {
      const hits = files.filter((f) => f.startsWith(prefix) && !(prefix === "avro-" && f.startsWith("avro-confluent")));
      if (hits.length === 0 && prefix !== "jackson-datatype-") throw new Error(`${libDir} has no ${prefix}*.jar, which ${g} jobs need: rebuild the runner`);
      out.push(...hits.map((f) => path.join(libDir, f)));
    }
  }
  return out;
}
