// The language's infix operators and reserved words, derived from the function catalogue (functions/).
import { CATALOGUE, KEYWORDS } from "./functions";

export type InfixOp = { sym: string; ir: string; prec: number };

/** Infix operators by their upper-case symbol (AND, +, =); != is <>. LIKE and SIMILAR TO are parsed with NOT … forms. */
export const INFIX: ReadonlyMap<string, InfixOp> = new Map(CATALOGUE.flatMap((f) => {
  const form = f.form;
  if (form?.kind !== "infix" || form.sym.includes(" ") || form.sym === "LIKE") return [];
  const op = { sym: form.sym, ir: f.ir, prec: form.prec };
  return form.sym === "<>" ? [[form.sym, op], ["!=", op]] : [[form.sym, op]];
}));

export { KEYWORDS };
