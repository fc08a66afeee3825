// Access decisions: the secret unlocks via /login, cookie, header or bearer; anything else is denied.
import { describe, expect, it } from "vitest";
import { accessToken, decideAccess } from "./access";

const q = (s = "") => new URLSearchParams(s);

describe("decideAccess", () => {
  it("allows everything when no secret is configured", async () => {
    expect(await decideAccess({ pathname: "/", query: q() }, undefined)).toEqual({ kind: "allow" });
  });
  it("denies without credentials and with a wrong secret", async () => {
    expect((await decideAccess({ pathname: "/", query: q() }, "s3cret-s3cret")).kind).toBe("deny");
    expect((await decideAccess({ pathname: "/login", query: q("secret=nope") }, "s3cret-s3cret")).kind).toBe("deny");
    expect((await decideAccess({ pathname: "/", query: q(), cookie: "abc" }, "s3cret-s3cret")).kind).toBe("deny");
  });
  it("turns a correct /login into a cookie token that is then accepted", async () => {
    const d = await decideAccess({ pathname: "/login", query: q("secret=s3cret-s3cret") }, "s3cret-s3cret");
    expect(d.kind).toBe("login");
    const token = d.kind === "login" ? d.token : "";
    expect(token).not.toContain("s3cret");
    expect(await decideAccess({ pathname: "/api/trpc/x", query: q(), cookie: token }, "s3cret-s3cret")).toEqual({ kind: "allow" });
  });
  it("accepts the secret in a header or as a bearer token", async () => {
    expect((await decideAccess({ pathname: "/", query: q(), header: "s3cret-s3cret" }, "s3cret-s3cret")).kind).toBe("allow");
    expect((await decideAccess({ pathname: "/", query: q(), bearer: "s3cret-s3cret" }, "s3cret-s3cret")).kind).toBe("allow");
    expect(await accessToken("a")).not.toBe(await accessToken("b"));
  });
});
