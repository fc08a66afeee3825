// insertInto: statementSet.add(input.insertInto(descriptor)) — a connector sink, all sinks in one job.
import { z } from "zod";
import { I, javaDescriptor } from "../../codegen/java-kit";
import { sqlTable } from "../../codegen/sql-kit";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { formatType } from "../../types";
import { TableDescriptorSchema } from "../schemas";

export const insertIntoOp = defineOp({
  /** statementSet.add(input.insertInto(descriptor)); `sink` is the sink node id */
  schema: z.object({ op: z.literal("insertInto"), sink: z.string(), input: z.string(), descriptor: TableDescriptorSchema }),
  // a keyed sink's columns are printed, its key columns NOT NULL, as the runner's Descriptors builds them (Flink refuses
  // a primary key on the nullable columns fromResolvedSchema would copy)
  javaNeedsTypes: (s) => s.descriptor.primaryKey !== undefined,
  java: (s, p) => {
    const pk = s.descriptor.primaryKey;
    const d = pk && !s.descriptor.schema
      ? { ...s.descriptor, schema: p.types[s.input]!.map((c) => ({ name: c.name, type: formatType(pk.includes(c.name) ? { ...c.type, nullable: false } : c.type) })) }
      : s.descriptor;
    const conflict = pk ? ", org.apache.flink.table.api.InsertConflictStrategy.deduplicate()" : "";
    return [p.comment, `${I}statementSet.add(${p.table(s.input)}.insertInto(${javaDescriptor(d, p.table(s.input), p.str)}${conflict}));`];
  },
  sql: (s, p) => {
    const name = p.sinkName(s.sink);
    // a keyed sink: a later row with the same key replaces the earlier one (Flink 2.3 asks to say so when the input's
    // upsert key is not the sink's key, e.g. a window's insert-only rows)
    p.inserts.push(`  INSERT INTO ${id(name)} SELECT * FROM ${id(s.input)}${s.descriptor.primaryKey ? " ON CONFLICT DO DEDUPLICATE" : ""};`);
    // a sink without a schema takes its input's columns, as the runner's fromResolvedSchema does
    return sqlTable(name, s.descriptor, p.input);
  },
});
