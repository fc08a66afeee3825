// npm run bench:kafka — runs KafkaBench (Java: the test harness's Kafka broker and one embedded Flink) and prints its
// figures: Kafka → map → Kafka rows/s with a Java map and a TypeScript map over 1M messages of ~100 bytes, their ratio,
// and end-to-end latency p50/p99 at 1,000 messages/s. Arguments: [messages] [rounds].
import { runJavaBench } from "../java-bench.mjs";

// Flink's Kafka source warns that a job without a group id commits no offsets: as intended here
runJavaBench("io.streamcanvas.runner.kafka.KafkaBench", ["-Dorg.slf4j.simpleLogger.log.org.apache.flink.connector.kafka=error"]);
