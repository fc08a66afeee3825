// The auth header the target form builds from its fields: none, Bearer <token> or Basic base64(user:password).
export const AUTH_KINDS = ["none", "bearer", "basic"] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

export type AuthFields = { kind: AuthKind; token: string; username: string; password: string };

/** The kind a saved header's scheme shows as (the scheme word is all the browser is told of it). */
export const authKindOf = (scheme: string | null): AuthKind =>
  scheme?.toLowerCase() === "basic" ? "basic" : scheme ? "bearer" : "none";

/**
 * What to send: a new header, `keep` (nothing typed over a saved header of this kind), `clear` (none chosen over a
 * saved one), or an error naming the field to fill.
 */
export function authHeaderOf(f: AuthFields, savedKind: AuthKind):
  { header: string } | { keep: true } | { clear: true } | { none: true } | { error: string; field: "token" | "username" | "password" } {
  if (f.kind === "none") return savedKind === "none" ? { none: true } : { clear: true };
  if (f.kind === "bearer") {
    if (f.token.trim()) return { header: `Bearer ${f.token.trim()}` };
    return savedKind === "bearer" ? { keep: true } : { error: "type the bearer token", field: "token" };
  }
  if (!f.username && !f.password && savedKind === "basic") return { keep: true };
  if (!f.username) return { error: "type the user name (with the password) to set basic auth", field: "username" };
  if (f.username.includes(":")) return { error: "a basic-auth user name cannot hold ':'", field: "username" };
  if (!f.password) return { error: "type the password (with the user name) to set basic auth", field: "password" };
  return { header: `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${f.username}:${f.password}`)))}` };
}
