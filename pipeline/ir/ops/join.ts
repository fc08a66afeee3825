// join: input.join(right', keys) or its outer variants, right' = right with its clashing columns renamed.
import { z } from "zod";
import { javaJoin, joinSql } from "../../codegen/join-print";
import { defineOp } from "../define-op";
import { joinRowType } from "../row-types";
import { JOIN_TYPES, JoinKeys, RightRenames } from "../schemas";

export const joinOp = defineOp({
  /** input.join(right', keys) (or leftOuterJoin / rightOuterJoin / fullOuterJoin), right' = right.renameColumns(rightRenames) */
  schema: z.object({
    op: z.literal("join"), table: z.string(), input: z.string(), right: z.string(),
    joinType: z.enum(JOIN_TYPES), rightRenames: RightRenames, keys: JoinKeys,
  }),
  rowType: joinRowType,
  java: (s, p) => p.define(s.table, javaJoin(s, p)),
  sql: (s, p) => p.view(s.table, ...joinSql(s, p.input, p.types[s.right]!)),
});
