// Test-only topic creation and producing against the test broker, through KafkaTestTool.java (Java's source launcher on
// the broker's classpath), so Node tests need no Kafka client of their own.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { brokerClasspath } from "./kafka-broker";

export type TestRecord = { key?: string | null; value: string | null; partition?: number; timestamp?: number };

function tool(args: string[], input?: string): string {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  const r = spawnSync(java, ["-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", brokerClasspath(process.cwd()),
    path.join(import.meta.dirname, "KafkaTestTool.java"), ...args], { input, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`KafkaTestTool ${args[0]} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** Creates `topic` with `partitions` partitions on the broker at `bootstrap` (PLAINTEXT). */
export function createTopic(bootstrap: string, topic: string, partitions: number): void {
  tool(["create-topic", bootstrap, topic, String(partitions)]);
}

/** Writes the records (acks=all) in order; returns how many were written. */
export function produce(bootstrap: string, topic: string, records: TestRecord[]): number {
  return Number(tool(["produce", bootstrap, topic], records.map((r) => JSON.stringify(r)).join("\n")).trim());
}
