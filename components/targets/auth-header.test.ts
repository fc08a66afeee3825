import { describe, expect, it } from "vitest";
import { authHeaderOf, authKindOf } from "./auth-header";

const f = (kind: "none" | "bearer" | "basic", o: Partial<{ token: string; username: string; password: string }> = {}) =>
  ({ kind, token: "", username: "", password: "", ...o });

describe("the target form's auth header", () => {
  it("builds Bearer and Basic headers (UTF-8 in base64, as RFC 7617 allows)", () => {
    expect(authHeaderOf(f("bearer", { token: " abc " }), "none")).toEqual({ header: "Bearer abc" });
    expect(authHeaderOf(f("basic", { username: "ops", password: "pä55" }), "none")).toEqual({ header: `Basic ${Buffer.from("ops:pä55").toString("base64")}` });
  });

  it("keeps a saved header when nothing is typed over it, clears it when none is chosen", () => {
    expect(authHeaderOf(f("bearer"), "bearer")).toEqual({ keep: true });
    expect(authHeaderOf(f("basic"), "basic")).toEqual({ keep: true });
    expect(authHeaderOf(f("none"), "basic")).toEqual({ clear: true });
    expect(authHeaderOf(f("none"), "none")).toEqual({ none: true });
  });

  it("names the field to fill", () => {
    expect(authHeaderOf(f("bearer"), "basic")).toMatchObject({ field: "token" });
    expect(authHeaderOf(f("basic", { password: "x" }), "basic")).toMatchObject({ field: "username" });
    expect(authHeaderOf(f("basic", { username: "a:b", password: "x" }), "none")).toMatchObject({ field: "username", error: expect.stringContaining("':'") });
    expect(authHeaderOf(f("basic", { username: "ops" }), "none")).toMatchObject({ field: "password" });
  });

  it("shows a saved scheme as its kind", () => {
    expect([authKindOf("Basic"), authKindOf("Bearer"), authKindOf("Token"), authKindOf(null)]).toEqual(["basic", "bearer", "bearer", "none"]);
  });
});
