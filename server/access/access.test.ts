// The access decision: Host, Origin / Sec-Fetch-Site, content type, then the token (sign-in URL, cookie, header).
import { describe, expect, it } from "vitest";
import { decideAccess, type AccessRequest } from "./access";
import { signSession } from "./token";

const token = "a".repeat(48);
const now = Date.UTC(2026, 0, 1);
const server = { token, port: 3380, hosts: new Set<string>(), now };
const cookie = signSession(token, now + 3_600_000);
const get = (over: Partial<AccessRequest> = {}): AccessRequest => ({ method: "GET", url: "/", host: "127.0.0.1:3380", cookie, ...over });
const post = (over: Partial<AccessRequest> = {}): AccessRequest =>
  get({ method: "POST", url: "/api/trpc/pipelines.create", origin: "http://127.0.0.1:3380", contentType: "application/json", ...over });
const decide = (r: AccessRequest, s = server) => decideAccess(r, s);
const status = (r: AccessRequest, s = server) => {
  const d = decide(r, s);
  return d.kind === "deny" ? d.status : d.kind;
};

describe("decideAccess", () => {
  it("lets a signed-in page of this server read and change", () => {
    expect(decide(get())).toEqual({ kind: "allow" });
    expect(decide(post())).toEqual({ kind: "allow" });
    expect(decide(post({ origin: undefined, secFetchSite: "same-origin" }))).toEqual({ kind: "allow" });
    expect(status(get({ host: "localhost:3380" }))).toBe("allow");
    expect(status(get({ host: "[::1]:3380" }))).toBe("allow");
  });
  it("refuses a Host that is not this server, however signed in (DNS rebinding)", () => {
    const d = decide(post({ host: "rebind.evil.example:3380", origin: "http://rebind.evil.example:3380" }));
    expect(d).toMatchObject({ kind: "deny", status: 403 });
    expect(d.kind === "deny" && d.reason).toMatch(/Host rebind\.evil\.example:3380 is not this server/);
    expect(status(get({ host: "127.0.0.1:9999" }))).toBe(403);
    expect(status(get({ host: undefined }))).toBe(400);
    expect(status(get({ host: "a@127.0.0.1:3380" }))).toBe(400);
    expect(status(get({ host: "box.lan:3380" }), { ...server, hosts: new Set(["box.lan"]) })).toBe("allow");
  });
  it("refuses a state change from another origin or a cross-site fetch", () => {
    expect(decide(post({ origin: "http://evil.example" }))).toMatchObject({ status: 403, reason: expect.stringMatching(/Origin http:\/\/evil\.example is not this server/) });
    expect(status(post({ origin: "null" }))).toBe(403);
    expect(status(post({ origin: undefined, secFetchSite: "cross-site" }))).toBe(403);
    expect(status(post({ origin: undefined }))).toBe(403); // a cookie alone, no sign of this server's page
    expect(status(get({ upgrade: true, origin: "http://evil.example" }))).toBe(403);
    expect(status(get({ upgrade: true, origin: "http://127.0.0.1:3380" }))).toBe("allow");
  });
  it("refuses state changes whose body a cross-site form could send", () => {
    for (const contentType of ["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", undefined]) {
      expect(decide(post({ contentType }))).toMatchObject({ status: 415, reason: expect.stringMatching(/must send application\/json/) });
    }
    expect(status(post({ contentType: "application/json; charset=utf-8" }))).toBe("allow");
  });
  it("refuses without a token, with an expired cookie and with one signed by a rotated token", () => {
    expect(decide(get({ cookie: undefined }))).toMatchObject({ status: 401, reason: expect.stringMatching(/access token required/) });
    expect(decide(get({ cookie: signSession(token, now - 1000) }))).toMatchObject({ status: 401, reason: expect.stringMatching(/expired/) });
    expect(decide(get({ cookie: signSession("b".repeat(48), now + 3_600_000) }))).toMatchObject({ status: 401, reason: expect.stringMatching(/rotated/) });
    expect(status(get({ cookie: "0123abcd" }))).toBe(401);
    expect(status(get({ cookie: `${cookie.slice(0, -2)}AA` }))).toBe(401);
  });
  it("turns the printed sign-in URL into an expiring cookie and drops the token from the address", () => {
    const d = decide(get({ cookie: undefined, url: `/pipelines/p1?token=${token}&x=1` }));
    expect(d).toMatchObject({ kind: "login", redirectTo: "/pipelines/p1?x=1", maxAgeSeconds: 14 * 24 * 3600 });
    const c = d.kind === "login" ? d.cookie : "";
    expect(c).not.toContain(token);
    expect(status(get({ cookie: c }))).toBe("allow");
    expect(status(get({ cookie: c }), { ...server, now: now + 15 * 24 * 3600 * 1000 })).toBe(401);
    expect(decide(get({ cookie: undefined, url: `/login?secret=${token}` }))).toMatchObject({ kind: "login", redirectTo: "/" });
    expect(decide(get({ cookie: undefined, url: `/login?token=${token}` }))).toMatchObject({ kind: "login", redirectTo: "/" });
    expect(decide(get({ url: "/?token=wrong" }))).toMatchObject({ status: 401, reason: expect.stringMatching(/not this server's/) });
  });
  it("accepts the token in a header for programs, and signs out", () => {
    expect(status(post({ cookie: undefined, origin: undefined, headerToken: token }))).toBe("allow");
    expect(status(post({ cookie: undefined, origin: undefined, headerToken: "nope" }))).toBe(401);
    expect(status(post({ cookie: undefined, origin: "http://evil.example", headerToken: token }))).toBe(403);
    expect(decide(get({ url: "/logout" }))).toEqual({ kind: "logout" });
  });
});
