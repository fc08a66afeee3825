// PostgreSQL database connection: host, port, database, user, password, sslmode, extra JDBC properties.
import { z } from "zod";
import { defineConnectionKind } from "./define";

/** libpq's sslmode values, as the PostgreSQL JDBC driver takes them */
export const POSTGRES_SSL_MODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] as const;
/** JDBC properties the form's own fields set, so extra properties may not set them (nor smuggle a secret in) */
export const POSTGRES_MANAGED_PROPERTIES = ["user", "password", "sslmode", "sslpassword", "PGHOST", "PGPORT", "PGDBNAME"] as const;

export const PostgresConnectionFields = z.object({
  host: z.string().trim().min(1, "the host is required").regex(/^[A-Za-z0-9._-]+$|^\[[0-9A-Fa-f:]+\]$/, "a host name or IP address")
    .meta({ title: "Host" }),
  port: z.coerce.number().int().min(1).max(65535).default(5432).meta({ title: "Port" }),
  database: z.string().trim().min(1, "the database is required").meta({ title: "Database" }),
  user: z.string().trim().min(1, "the user is required").meta({ title: "User" }),
  password: z.string().default("").meta({ title: "Password", description: "sealed at rest; never shown again" }),
  sslmode: z.enum(POSTGRES_SSL_MODES).default("prefer").meta({ title: "SSL mode", description: "as libpq's sslmode" }),
  properties: z.record(z.string().min(1), z.string()).default({})
    .meta({ title: "Extra JDBC properties", description: "PostgreSQL JDBC driver properties, key = value; not secret: put no password here" }),
}).superRefine((f, ctx) => {
  for (const key of Object.keys(f.properties)) {
    if ((POSTGRES_MANAGED_PROPERTIES as readonly string[]).includes(key)) {
      ctx.addIssue({ code: "custom", path: ["properties", key], message: `"${key}" is set by the connection's own fields, not as an extra property` });
    }
  }
});
export type PostgresConnection = z.infer<typeof PostgresConnectionFields>;

export const postgresConnection = defineConnectionKind<PostgresConnection>({
  kind: "postgres",
  title: "PostgreSQL database",
  description: "A PostgreSQL database: JDBC source and sink nodes read and write its tables",
  fields: PostgresConnectionFields,
  secrets: ["password"],
  defaults: PostgresConnectionFields.parse({ host: "localhost", database: "postgres", user: "postgres" }),
  summary: (f) => `${f.user}@${f.host}:${f.port}/${f.database} (sslmode ${f.sslmode})`,
});
