// Literal typing: how number text becomes INT, BIGINT, DECIMAL(p, s) or DOUBLE, as Flink's SQL parser types them.
import type { Expr } from "./ast";

export type LitExpr = Extract<Expr, { kind: "lit" }>;

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

/** Types a numeric literal; `negative` folds a leading minus so -2147483648 is still an INT. Returns an error message when out of range. */
export function numberLiteral(text: string, negative: boolean): LitExpr | string {
  const sign = negative ? "-" : "";
  if (/[eE]/.test(text)) {
    if (!Number.isFinite(Number(text))) return `number ${text} is out of range for DOUBLE`;
    return { kind: "lit", value: sign + text, type: "DOUBLE NOT NULL" };
  }
  const [intRaw, frac] = text.split(".") as [string, string | undefined];
  const intPart = intRaw.replace(/^0+/, "");
  if (frac !== undefined) {
    const unscaled = (intPart + frac).replace(/^0+/, "");
    const scale = frac.length;
    const precision = Math.max(unscaled.length, scale, 1);
    if (precision > 38) return `number ${text} has more than 38 digits`;
    const zero = /^0*$/.test(intPart + frac);
    return { kind: "lit", value: (zero ? "" : sign) + (intPart || "0") + "." + frac, type: `DECIMAL(${precision}, ${scale}) NOT NULL` };
  }
  const v = BigInt(sign + (intPart || "0"));
  const value = v.toString();
  if (v >= INT_MIN && v <= INT_MAX) return { kind: "lit", value, type: "INT NOT NULL" };
  if (v >= BIGINT_MIN && v <= BIGINT_MAX) return { kind: "lit", value, type: "BIGINT NOT NULL" };
  if (intPart.length > 38) return `number ${text} has more than 38 digits`;
  return { kind: "lit", value, type: `DECIMAL(${intPart.length}, 0) NOT NULL` };
}

export const stringLiteral = (value: string): LitExpr => ({ kind: "lit", value, type: "STRING NOT NULL" });
export const booleanLiteral = (value: boolean): LitExpr => ({ kind: "lit", value, type: "BOOLEAN NOT NULL" });
/** A NULL whose type the checker fills in from context (`a = NULL` takes the type of `a`). */
export const UNTYPED_NULL = "NULL";
export const nullLiteral = (): LitExpr => ({ kind: "lit", value: null, type: UNTYPED_NULL });
