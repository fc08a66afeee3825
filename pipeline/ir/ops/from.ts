// from: tEnv.from(TableDescriptor) — a connector's table, with its time attributes.
import { z } from "zod";
import { javaDescriptor } from "../../codegen/java-kit";
import { sqlTable } from "../../codegen/sql-kit";
import { CodegenError } from "../../codegen/literal";
import { defineOp } from "../define-op";
import { TableDescriptorSchema } from "../schemas";
import { withTime } from "../row-types";

export const fromOp = defineOp({
  /** tEnv.from(TableDescriptor) */
  schema: z.object({ op: z.literal("from"), table: z.string(), descriptor: TableDescriptorSchema }),
  rowType: (s) => {
    if (!s.descriptor.schema) throw new CodegenError(`source ${JSON.stringify(s.table)} has no schema`);
    return withTime(s.descriptor.schema, s.descriptor);
  },
  java: (s, p) => p.define(s.table, `tEnv.from(${javaDescriptor(s.descriptor, null, p.str)})`),
  sql: (s) => sqlTable(s.table, s.descriptor, []),
});
