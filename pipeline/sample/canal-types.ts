// Flink types for the MySQL column types Canal names in `mysqlType` (values arrive as text, which Flink's canal-json
// format parses into the column's type). Unsigned integers get the next wider type, as Flink's MySQL CDC maps them;
// tinyint(1) stays TINYINT, since Canal writes it as "0"/"1", which is no JSON boolean.

const INTEGERS: Record<string, [signed: string, unsigned: string]> = {
  tinyint: ["TINYINT", "SMALLINT"], smallint: ["SMALLINT", "INT"], mediumint: ["INT", "INT"],
  int: ["INT", "BIGINT"], integer: ["INT", "BIGINT"], bigint: ["BIGINT", "DECIMAL(20, 0)"],
};
const TEXT = new Set(["char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json"]);
const BINARY = new Set(["binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit"]);

/** The Flink type for a MySQL column type such as `int(11) unsigned`, `decimal(10,2)`, `datetime(3)`; undefined if unknown. */
export function canalColumnType(mysqlType: string): string | undefined {
  const m = /^\s*([a-z]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*(unsigned)?/i.exec(mysqlType);
  if (!m) return undefined;
  const base = m[1]!.toLowerCase();
  const [p, s, unsigned] = [m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3]), m[4] !== undefined];
  if (base in INTEGERS) return INTEGERS[base]![unsigned ? 1 : 0];
  if (base === "decimal" || base === "numeric") return `DECIMAL(${Math.min(p ?? 10, 38)}, ${Math.min(s ?? 0, 38)})`;
  if (base === "float") return "FLOAT";
  if (base === "double" || base === "real") return "DOUBLE";
  if (base === "date") return "DATE";
  if (base === "datetime" || base === "timestamp") return `TIMESTAMP(${Math.min(p ?? 0, 9)})`;
  if (base === "time") return `TIME(${Math.min(p ?? 0, 9)})`;
  if (base === "year") return "INT";
  if (TEXT.has(base)) return "STRING";
  // Canal writes binary columns as ISO-8859-1 text, not base64 as Flink's BYTES would want: kept as that text
  if (BINARY.has(base)) return "STRING";
  return undefined;
}
