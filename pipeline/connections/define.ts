// defineConnectionKind: the one shape every connection kind file exports (DESIGN.md §6.1b, §7): its fields as a zod
// object, which of them are secret, and how a saved one is summed up in a list. Pure: the browser's form is built from it.
import { z } from "zod";

export type ConnectionKind<F extends Record<string, unknown> = Record<string, unknown>> = {
  kind: string;
  title: string;
  description: string;
  /** every field, secrets included; `.meta({ title, description })` labels the form */
  fields: z.ZodType<F, Record<string, unknown>>;
  /** the fields sealed at rest and never sent back to the browser, printed or logged */
  secrets: readonly (keyof F & string)[];
  defaults: F;
  /** one line for lists, e.g. the bootstrap servers; never a secret */
  summary(fields: F): string;
};

export function defineConnectionKind<F extends Record<string, unknown>>(k: ConnectionKind<F>): ConnectionKind<F> {
  return k;
}

/** A connection's name: how pipelines refer to it, so it stays a plain, stable word. */
export const ConnectionNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/,
  "a connection name is 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");

