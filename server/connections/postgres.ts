// The PostgreSQL connection's server part: a stored connection as the JDBC url, user and password the runner (and
// Flink's jdbc connector) take, and Test through the runner's /postgres/test route.
import type { PostgresConnection } from "@/pipeline/connections/postgres.connection";
import type { ServerConnectionKind } from "./kinds";

/** jdbc:postgresql://host:port/db?sslmode=…&k=v, every part URL-encoded so no field can add or change a parameter */
export function postgresJdbcUrl(f: PostgresConnection): string {
  const params = new URLSearchParams({ ...f.properties, sslmode: f.sslmode });
  return `jdbc:postgresql://${f.host}:${f.port}/${encodeURIComponent(f.database)}?${params.toString()}`;
}

export const postgresServer: ServerConnectionKind<PostgresConnection> = {
  check: () => [],
  properties: (f) => ({ url: postgresJdbcUrl(f), username: f.user, password: f.password }),
  secretProperties: ["password"],
  async test(client, properties) {
    const r = await client.postgresTest(properties);
    return { ok: true, message: `connected: PostgreSQL ${r.version}, ${r.tables} table${r.tables === 1 ? "" : "s"}`, tables: r.tables };
  },
  tables: (client, properties) => client.postgresTables(properties).then((r) => r.tables),
};
