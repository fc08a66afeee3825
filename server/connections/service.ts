// Named connections: create, update, list and resolve them, sealing the secret fields on the way in. What this returns
// to callers (ConnectionView) never holds a secret; only `resolve` unseals, for the runner.
import { ConnectionNameSchema, connectionKind, connectionKindIds, publicFields, type ConnectionKind } from "@/pipeline/connections";
import type { ConnectionsRepo } from "@/server/store/connections-repo";
import { ConnectionInvalid, NotFoundError } from "@/server/errors";
import { serverKind } from "./kinds";
import type { Sealer } from "./seal";

export type ConnectionView = {
  name: string; kind: string; title: string; summary: string;
  /** every field but the secret ones */
  fields: Record<string, unknown>;
  /** for each secret field: whether a value is saved (the value itself never leaves the server) */
  secretsSet: Record<string, boolean>;
  createdAt: number; updatedAt: number;
};
export type ResolvedConnection = { kind: string; properties: Record<string, string>; secretValues: string[] };

const context = (name: string) => `connection ${JSON.stringify(name)}`;

function kindOf(kind: string): ConnectionKind {
  const k = connectionKind(kind);
  if (!k) throw new ConnectionInvalid(`unknown connection kind "${kind}" (known: ${connectionKindIds().join(", ")})`, [{ field: "kind", message: "unknown kind" }]);
  return k;
}

export class ConnectionsService {
  constructor(private readonly repo: ConnectionsRepo, private readonly sealer: Sealer) {}

  list(): ConnectionView[] {
    return this.repo.list().map((r) => this.view(r.name, r.kind, r.fields, r.sealedSecrets, r.createdAt, r.updatedAt));
  }

  get(name: string): ConnectionView {
    const r = this.repo.get(name);
    if (!r) throw new NotFoundError(`connection ${JSON.stringify(name)} does not exist`);
    return this.view(r.name, r.kind, r.fields, r.sealedSecrets, r.createdAt, r.updatedAt);
  }

  exists(name: string): boolean {
    return this.repo.get(name) !== undefined;
  }

  create(name: string, kind: string, input: Record<string, unknown>): ConnectionView {
    const n = ConnectionNameSchema.safeParse(name);
    if (!n.success) throw new ConnectionInvalid(`connection name: ${n.error.issues[0]!.message}`, [{ field: "name", message: n.error.issues[0]!.message }]);
    const k = kindOf(kind);
    const fields = this.validate(name, k, input);
    const { pub, sealed } = this.split(name, k, fields);
    if (!this.repo.insert({ name, kind, fields: pub, sealedSecrets: sealed })) {
      throw new ConnectionInvalid(`a connection named ${JSON.stringify(name)} already exists`, [{ field: "name", message: "already exists" }]);
    }
    return this.get(name);
  }

  /** A secret field left out or empty keeps its saved value ("saved; type to replace"); `clear` empties the named ones. */
  update(name: string, input: Record<string, unknown>, clear: string[] = []): ConnectionView {
    const r = this.repo.get(name);
    if (!r) throw new NotFoundError(`connection ${JSON.stringify(name)} does not exist`);
    const k = kindOf(r.kind);
    const saved = this.unsealed(name, r.sealedSecrets);
    const merged: Record<string, unknown> = { ...input };
    for (const s of k.secrets) {
      if (clear.includes(s)) merged[s] = "";
      else if (merged[s] === undefined || merged[s] === "") merged[s] = saved[s] ?? "";
    }
    const fields = this.validate(name, k, merged);
    const { pub, sealed } = this.split(name, k, fields);
    this.repo.update(name, pub, sealed);
    return this.get(name);
  }

  remove(name: string): void {
    if (!this.repo.delete(name)) throw new NotFoundError(`connection ${JSON.stringify(name)} does not exist`);
  }

  /**
   * The connection's client properties, secrets joined in: only for the runner. A draft (the form's unsaved fields)
   * is checked as a save would be, its empty secret fields taken from the saved connection of that name, if any.
   */
  resolve(name: string, draft?: { kind: string; fields: Record<string, unknown> }): ResolvedConnection {
    const r = this.repo.get(name);
    if (!r && !draft) throw new NotFoundError(`connection ${JSON.stringify(name)} does not exist`);
    const kind = draft?.kind ?? r!.kind;
    const k = kindOf(kind);
    const saved = r && r.kind === kind ? { ...r.fields, ...this.unsealed(name, r.sealedSecrets) } : {};
    const input = draft ? { ...draft.fields } : saved;
    for (const s of k.secrets) if (input[s] === undefined || input[s] === "") input[s] = saved[s] ?? "";
    const fields = this.validate(name, k, input);
    const server = serverKind(kind)!;
    const properties = server.properties(fields);
    const secretValues = [
      ...k.secrets.map((s) => String(fields[s] ?? "")),
      ...server.secretProperties.map((p) => properties[p] ?? ""),
    ].filter((v) => v.length > 0);
    return { kind, properties, secretValues };
  }

  /**
   * The saved connection's fields, secrets unsealed, for server code that needs them one by one (a change stream's
   * Debezium registration); never for an answer, a log or an error.
   */
  unsealedFields(name: string): { kind: string; fields: Record<string, unknown> } {
    const r = this.repo.get(name);
    if (!r) throw new NotFoundError(`connection ${JSON.stringify(name)} does not exist`);
    return { kind: r.kind, fields: this.validate(name, kindOf(r.kind), { ...r.fields, ...this.unsealed(name, r.sealedSecrets) }) };
  }

  private validate(name: string, k: ConnectionKind, input: Record<string, unknown>): Record<string, unknown> {
    const r = k.fields.safeParse(input);
    const issues = r.success ? [] : r.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
    if (r.success) issues.push(...serverKind(k.kind)!.check(r.data));
    if (issues.length) {
      throw new ConnectionInvalid(`connection ${JSON.stringify(name)}: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, issues);
    }
    return r.data!;
  }

  private split(name: string, k: ConnectionKind, fields: Record<string, unknown>) {
    const secrets = Object.fromEntries(k.secrets.filter((s) => fields[s]).map((s) => [s, fields[s]]));
    const sealed = Object.keys(secrets).length ? this.sealer.seal(JSON.stringify(secrets), context(name)) : null;
    return { pub: publicFields(k, fields), sealed };
  }

  private unsealed(name: string, sealed: string | null): Record<string, unknown> {
    return sealed ? (JSON.parse(this.sealer.unseal(sealed, context(name))) as Record<string, unknown>) : {};
  }

  private view(name: string, kind: string, fields: Record<string, unknown>, sealed: string | null, createdAt: number, updatedAt: number): ConnectionView {
    const k = connectionKind(kind);
    // which secrets are set is known without unsealing: only non-empty ones are sealed, and their names are not secret
    const set = sealed ? this.sealedNames(name, sealed) : new Set<string>();
    const secretsSet = Object.fromEntries((k?.secrets ?? []).map((s) => [s, set.has(s)]));
    return { name, kind, title: k?.title ?? kind, summary: k ? k.summary({ ...k.defaults, ...fields }) : kind, fields, secretsSet, createdAt, updatedAt };
  }

  private sealedNames(name: string, sealed: string): Set<string> {
    try {
      return new Set(Object.keys(this.unsealed(name, sealed)));
    } catch {
      return new Set();
    }
  }
}
