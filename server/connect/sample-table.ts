// Propose columns for a change stream: the table's columns with the Flink types the connection's table listing gives
// (Flink's PostgreSQL mapper, through the runner) and its primary key, so the node's columns match what the run checks.
import type { ColumnProposal, SampleRequest } from "@/pipeline/sample/request";
import { scrubSecrets } from "@/server/connections/scrub";
import { SampleError } from "@/server/files/sample-file";
import type { RunnerClient } from "@/server/runner/client";

type TableRequest = Extract<SampleRequest, { from: "postgres-table" }>;
type Resolve = (name: string) => { properties: Record<string, string>; secretValues: string[] };

export async function samplePostgresTable(runner: Pick<RunnerClient, "postgresTables">, resolve: Resolve, req: TableRequest): Promise<ColumnProposal> {
  let conn: ReturnType<Resolve>;
  try {
    conn = resolve(req.connection);
  } catch (e) {
    throw new SampleError((e as Error).message, "database");
  }
  let tables;
  try {
    tables = (await runner.postgresTables(conn.properties)).tables;
  } catch (e) {
    throw new SampleError(scrubSecrets((e as Error).message, conn.secretValues), "database");
  }
  const t = tables.find((x) => x.schema === req.schema && x.name === req.table);
  if (!t) throw new SampleError(`table ${req.schema}.${req.table} does not exist in "${req.connection}"`, "table");
  const unsupported = t.columns.find((c) => c.type === null);
  if (unsupported) throw new SampleError(`column "${unsupported.name}": ${unsupported.unsupported ?? "no Flink type"}`, "table");
  const columns = t.columns.map((c) => {
    const key = t.primaryKey.indexOf(c.name);
    return { name: c.name, type: c.type!, ...(key >= 0 ? { key } : {}) };
  });
  const pk = t.primaryKey.length ? `primary key (${t.primaryKey.join(", ")})` : "no primary key";
  return { columns, rows: [], source: `${req.schema}.${req.table}: ${columns.length} columns typed by Flink's PostgreSQL mapper, ${pk}` };
}
