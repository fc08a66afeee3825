// Test-only topic creation and producing against the test broker, through KafkaTestTool.java (Java's source launcher on
// the broker's classpath), so Node tests need no Kafka client of their own.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { brokerClasspath } from "./kafka-broker";

export type TestRecord = { key?: string | null; value: string | null; partition?: number; timestamp?: number };

const java = () => (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java");
const toolArgs = (args: string[]) => ["-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", brokerClasspath(process.cwd()),
  path.join(import.meta.dirname, "KafkaTestTool.java"), ...args];

function tool(args: string[], input?: string): string {
  const r = spawnSync(java(), toolArgs(args), { input, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`KafkaTestTool ${args[0]} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/**
 * As tool(), without blocking the event loop: a test holding a runner open must not stall for long, or the runner
 * closes its idle keep-alive connections (30 s) unseen and the next request meets a closed socket.
 */
function toolAsync(args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(java(), toolArgs(args), { stdio: ["pipe", "pipe", "pipe"], timeout: 120_000 });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`KafkaTestTool ${args[0]} failed: ${err}`))));
    child.stdin.end(input);
  });
}

/** Creates `topic` with `partitions` partitions on the broker at `bootstrap` (PLAINTEXT). */
export function createTopic(bootstrap: string, topic: string, partitions: number): void {
  tool(["create-topic", bootstrap, topic, String(partitions)]);
}

/** Writes the records (acks=all) in order; returns how many were written. */
export async function produceAsync(bootstrap: string, topic: string, records: TestRecord[]): Promise<number> {
  return Number((await toolAsync(["produce", bootstrap, topic], records.map((r) => JSON.stringify(r)).join("\n"))).trim());
}

/** Writes the records (acks=all) in order; returns how many were written. */
export function produce(bootstrap: string, topic: string, records: TestRecord[]): number {
  return Number(tool(["produce", bootstrap, topic], records.map((r) => JSON.stringify(r)).join("\n")).trim());
}
