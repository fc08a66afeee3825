// insertInto: statementSet.add(input.insertInto(descriptor)) — a connector sink, all sinks in one job.
import { z } from "zod";
import { I, javaDescriptor } from "../../codegen/java-kit";
import { sqlTable } from "../../codegen/sql-kit";
import { sqlIdent as id } from "../../codegen/sql-text";
import { defineOp } from "../define-op";
import { TableDescriptorSchema } from "../schemas";

export const insertIntoOp = defineOp({
  /** statementSet.add(input.insertInto(descriptor)); `sink` is the sink node id */
  schema: z.object({ op: z.literal("insertInto"), sink: z.string(), input: z.string(), descriptor: TableDescriptorSchema }),
  java: (s, p) => [p.comment, `${I}statementSet.add(${p.table(s.input)}.insertInto(${javaDescriptor(s.descriptor, p.table(s.input), p.str)}));`],
  sql: (s, p) => {
    const name = p.sinkName(s.sink);
    p.inserts.push(`  INSERT INTO ${id(name)} SELECT * FROM ${id(s.input)};`);
    // a sink without a schema takes its input's columns, as the runner's fromResolvedSchema does
    return sqlTable(name, s.descriptor, p.input);
  },
});
