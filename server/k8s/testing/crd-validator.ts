// Test helper: a validator for a CustomResourceDefinition's served schema, with ajv, as the Kubernetes API server checks
// an object under strict field validation (kubectl apply's default): unknown fields are errors except where the schema
// says x-kubernetes-preserve-unknown-fields, and the envelope (apiVersion, kind, metadata) is the CRD's own.
import fs from "node:fs";
import { Ajv } from "ajv";
import { parse } from "yaml";

type Schema = { [key: string]: unknown };

/** additionalProperties: false on every object schema with properties that does not preserve unknown fields. */
function strict(s: Schema): Schema {
  const out: Schema = { ...s };
  if (s.properties && typeof s.properties === "object") {
    out.properties = Object.fromEntries(Object.entries(s.properties as Record<string, Schema>).map(([k, v]) => [k, strict(v)]));
    if (!s["x-kubernetes-preserve-unknown-fields"] && s.additionalProperties === undefined) out.additionalProperties = false;
  }
  if (s.items && typeof s.items === "object") out.items = strict(s.items as Schema);
  if (s.additionalProperties && typeof s.additionalProperties === "object") out.additionalProperties = strict(s.additionalProperties as Schema);
  for (const k of ["anyOf", "allOf", "oneOf"]) if (Array.isArray(s[k])) out[k] = (s[k] as Schema[]).map(strict);
  return out;
}

/** ObjectMeta as the API server checks a custom resource's: a DNS-1123 subdomain name, string labels. */
const OBJECT_META: Schema = {
  type: "object", required: ["name"], additionalProperties: false,
  properties: {
    name: { type: "string", maxLength: 253, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" },
    namespace: { type: "string", maxLength: 63, pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
    labels: { type: "object", additionalProperties: { type: "string" } },
    annotations: { type: "object", additionalProperties: { type: "string" } },
  },
};

export type CrdValidator = { kind: string; apiVersion: string; validate(doc: unknown): string[] };

export function crdValidator(file: string): CrdValidator {
  const crd = parse(fs.readFileSync(file, "utf8")) as {
    spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; storage: boolean; schema: { openAPIV3Schema: Schema } }[] };
  };
  const version = crd.spec.versions.find((v) => v.served && v.storage);
  if (!version) throw new Error(`${file} has no served storage version`);
  const apiVersion = `${crd.spec.group}/${version.name}`;
  const kind = crd.spec.names.kind;
  const root = strict(version.schema.openAPIV3Schema);
  const schema = {
    ...root, type: "object", required: ["apiVersion", "kind", "metadata", "spec"],
    properties: { ...(root.properties as Schema), apiVersion: { const: apiVersion }, kind: { const: kind }, metadata: OBJECT_META },
  };
  // strict: false lets the x-kubernetes-* keywords through as annotations
  const check = new Ajv({ strict: false, allErrors: true }).compile(schema);
  return {
    kind, apiVersion,
    validate: (doc) => (check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`)),
  };
}
