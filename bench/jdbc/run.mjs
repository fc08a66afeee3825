// npm run bench:jdbc — runs JdbcBench (Java: the test harness's PostgreSQL and one embedded Flink) and prints its
// figures: a lookup join of 200k stream rows against a 100k-row table without and with the cache, and an upsert sink of
// 200k rows over 50k keys, each through StreamCanvas's IR translators and as the same job in Flink SQL, rows/s and their
// ratio. Arguments: [rows] [rounds].
import { runJavaBench } from "../java-bench.mjs";

runJavaBench("io.streamcanvas.runner.jdbc.JdbcBench");
