// Changelog-mode inference's default rule, beside validate.ts: what each node's output is when its kind does not say
// (a source: insert-only; any other node: updating when an input is, keyed as before only if the key columns remain).
import type { Changelog, NodeKind } from "./kinds/define";
import { INSERT_ONLY } from "./kinds/define";
import type { RowType } from "./types";

/** The changelog arriving on each connected input port. */
export function changelogPorts(kind: NodeKind<unknown>, from: Record<string, string>, changelogs: Record<string, Changelog | undefined>) {
  const out: Record<string, Changelog> = {};
  for (const p of kind.ports.inputs) {
    const c = from[p] === undefined ? undefined : changelogs[from[p]];
    if (c) out[p] = c;
  }
  return out;
}

/** The kind's own answer, else the default rule. */
export function changelogOf(kind: NodeKind<unknown>, own: Changelog | undefined, inputs: Record<string, Changelog>, rowType: RowType | undefined): Changelog {
  if (own) return own;
  if (kind.category === "source") return INSERT_ONLY;
  const updating = Object.values(inputs).find((c) => c.mode === "updating");
  if (!updating || updating.mode !== "updating") return INSERT_ONLY;
  const keyKept = updating.key && rowType && updating.key.every((k) => rowType.some((c) => c.name === k));
  const { key: _dropped, ...rest } = updating;
  return keyKept ? updating : rest;
}

/** The first updating input, if any (for kinds that refuse one or become updating because of one). */
export function updatingInput(inputs: Record<string, Changelog> | undefined): Extract<Changelog, { mode: "updating" }> | undefined {
  const c = Object.values(inputs ?? {}).find((x) => x.mode === "updating");
  return c?.mode === "updating" ? c : undefined;
}

/** An insert-only sink fed an updating stream: the error names the node that makes it updating. */
export function updatingInputError(nodeId: string, what: string, input: Changelog | undefined, instead: string) {
  if (!input || input.mode === "insert-only") return [];
  return [{ nodeId, message: `${what} writes inserts only, but its input is updating: node "${input.by}" makes it so (${input.why}); ${instead}` }];
}
