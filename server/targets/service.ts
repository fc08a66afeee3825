// Flink targets: the embedded cluster (implicit, the default) and named remote session clusters by REST address, with an
// optional Authorization header and TLS truststore whose secrets are sealed like connection secrets. What callers get
// (TargetView) never holds a secret; only `resolve` unseals, for the runner and the Flink REST client.
import { z } from "zod";
import { ConnectionInvalid, NotFoundError } from "@/server/errors";
import type { Sealer } from "@/server/connections/seal";
import type { TargetsRepo } from "@/server/store/targets-repo";
import type { TargetTest } from "./probe";

/** The name that means the runner's own MiniCluster; no stored target may take it. */
export const EMBEDDED = "embedded";

export const TargetNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, "1–63 letters, digits, '.', '_' or '-', starting with a letter or digit")
  .refine((n) => n !== EMBEDDED, `"${EMBEDDED}" is the runner's own cluster`);

export const TargetUrlSchema = z.string().refine((u) => {
  try {
    const url = new URL(u);
    return (url.protocol === "http:" || url.protocol === "https:") && (url.pathname === "/" || url.pathname === "") && !url.search && !url.username && !url.password;
  } catch {
    return false;
  }
}, "the REST address as http(s)://host:port, without a path, query or credentials (put those in the auth header)").transform((u) => u.replace(/\/$/, ""));

/** A folder every TaskManager and the JobManager of the cluster reach: a URI Flink's file systems know, or an absolute path. */
export const SavepointDirSchema = z.string().regex(/^(\/|[a-z][a-z0-9+.-]*:\/\/?)\S*$/i,
  "a folder the cluster reaches: an absolute path or a URI such as s3://bucket/savepoints or file:///shared/savepoints");

export const TargetInputSchema = z.object({
  url: TargetUrlSchema,
  /** the whole Authorization header value, e.g. "Bearer …" or "Basic …" (secret) */
  authHeader: z.string().regex(/^\S+ \S.*$/, "a scheme and a credential, e.g. Bearer <token>").optional(),
  /** a JKS or PKCS12 truststore file on this machine for an https URL (Flink's security.ssl.rest.truststore) */
  truststore: z.string().min(1).optional(),
  truststorePassword: z.string().optional(),
  /** where stop-with-savepoint writes on this cluster when a run names no folder (else the cluster's own state.savepoints.dir) */
  savepointDir: SavepointDirSchema.optional(),
}).refine((t) => !t.truststore || t.url.startsWith("https:"), { path: ["truststore"], message: "a truststore needs an https:// URL" });
export type TargetInput = z.input<typeof TargetInputSchema>;

const SECRETS = ["authHeader", "truststorePassword"] as const;
export type TargetSecret = (typeof SECRETS)[number];

/** A Test's result as the targets page shows it: when it ran and what it found or what failed. */
export type LastTest = TargetTest & { at: number };

export type TargetView = {
  name: string; url: string; truststore: string | null; savepointDir: string | null; authHeaderSet: boolean; truststorePasswordSet: boolean; createdAt: number;
  /** the saved auth header's scheme word ("Bearer", "Basic"): not secret, so the form can show which one is saved */
  authScheme: string | null;
  lastTest: LastTest | null;
};
export type ResolvedTarget = { name: string; url: string; authHeader?: string; truststore?: string; truststorePassword?: string; savepointDir?: string };

const context = (name: string) => `target ${JSON.stringify(name)}`;

export class TargetsService {
  constructor(private readonly repo: TargetsRepo, private readonly sealer: Sealer) {}

  list(): TargetView[] {
    return this.repo.list().map((r) => this.view(r.name));
  }

  get(name: string): TargetView {
    return this.view(name);
  }

  create(name: string, input: TargetInput): TargetView {
    const n = TargetNameSchema.safeParse(name);
    if (!n.success) throw new ConnectionInvalid(`target name: ${n.error.issues[0]!.message}`, [{ field: "name", message: n.error.issues[0]!.message }]);
    if (!this.repo.insert(this.row(name, input))) {
      throw new ConnectionInvalid(`a target named ${JSON.stringify(name)} already exists`, [{ field: "name", message: "already exists" }]);
    }
    return this.view(name);
  }

  /** A secret left empty keeps its saved value (the form never gets it back); `clear` removes saved secrets on purpose. */
  update(name: string, input: TargetInput, clear: TargetSecret[] = []): TargetView {
    const saved = this.resolve(name);
    const kept = Object.fromEntries(SECRETS.filter((s) => !input[s] && saved[s] && !clear.includes(s)).map((s) => [s, saved[s]!]));
    this.repo.update(this.row(name, { ...input, ...kept }));
    return this.view(name);
  }

  /** Keeps a Test's result for the targets page (and `targets list`). */
  recordTest(name: string, test: TargetTest): void {
    this.repo.setLastTest(name, { ...test, at: Date.now() } satisfies LastTest);
  }

  private row(name: string, input: TargetInput) {
    // a form's empty field means "none", not an empty value
    const r = TargetInputSchema.safeParse(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== "" && v !== undefined)));
    if (!r.success) {
      const issues = r.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
      throw new ConnectionInvalid(`target ${JSON.stringify(name)}: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, issues);
    }
    const t = r.data;
    const secrets = Object.fromEntries(SECRETS.filter((s) => t[s]).map((s) => [s, t[s]]));
    const sealed = Object.keys(secrets).length ? this.sealer.seal(JSON.stringify(secrets), context(name)) : null;
    return { name, url: t.url, fields: { truststore: t.truststore ?? null, savepointDir: t.savepointDir ?? null }, sealedSecrets: sealed };
  }

  remove(name: string): void {
    if (!this.repo.delete(name)) throw new NotFoundError(`target ${JSON.stringify(name)} does not exist`);
  }

  /** With its secrets: only for the runner (submission) and the Flink REST client (Test, monitoring). */
  resolve(name: string): ResolvedTarget {
    const r = this.repo.get(name);
    if (!r) throw new NotFoundError(`target ${JSON.stringify(name)} does not exist (npx streamcanvas targets list shows the ones there are)`);
    const secrets = r.sealedSecrets ? (JSON.parse(this.sealer.unseal(r.sealedSecrets, context(name))) as Record<string, string>) : {};
    const truststore = typeof r.fields.truststore === "string" ? r.fields.truststore : undefined;
    const savepointDir = typeof r.fields.savepointDir === "string" ? r.fields.savepointDir : undefined;
    return { name, url: r.url, ...(truststore ? { truststore } : {}), ...(savepointDir ? { savepointDir } : {}), ...secrets };
  }

  private view(name: string): TargetView {
    const r = this.repo.get(name);
    if (!r) throw new NotFoundError(`target ${JSON.stringify(name)} does not exist`);
    // which secrets are set is known from the sealed value's keys (names are not secret); unsealing checks the key too
    let set: Record<string, unknown> = {};
    try {
      set = r.sealedSecrets ? (JSON.parse(this.sealer.unseal(r.sealedSecrets, context(name))) as Record<string, unknown>) : {};
    } catch {
      set = {};
    }
    const truststore = typeof r.fields.truststore === "string" ? r.fields.truststore : null;
    const savepointDir = typeof r.fields.savepointDir === "string" ? r.fields.savepointDir : null;
    return { name, url: r.url, truststore, savepointDir, authHeaderSet: "authHeader" in set, truststorePasswordSet: "truststorePassword" in set,
      authScheme: typeof set.authHeader === "string" ? set.authHeader.split(" ")[0]! : null, createdAt: r.createdAt, lastTest: (r.lastTest as LastTest | null) ?? null };
  }
}
