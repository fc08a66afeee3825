// WebSocket upgrades pass the HTTP access decision: token cookie or header, this server's Host and Origin.
import { describe, expect, it } from "vitest";
import { signSession } from "./token";
import { cookieValue, decideUpgrade } from "./upgrade";

const token = "t".repeat(48);
const server = { token, port: 3000, hosts: new Set<string>() };
const session = `streamcanvas_access=${signSession(token, Date.now() + 3_600_000)}`;
const own = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", cookie: `a=1; ${session}` };
const req = (headers: Record<string, string>, url = "/api/trpc-ws") => ({ url, headers });

describe("decideUpgrade", () => {
  it("allows this server's signed-in page, on any loopback name", () => {
    expect(decideUpgrade(req(own), server)).toEqual({ ok: true });
    expect(decideUpgrade(req({ ...own, host: "localhost:3000", origin: "http://localhost:3000" }), server)).toEqual({ ok: true });
    expect(decideUpgrade(req({ host: "[::1]:3000", "x-streamcanvas-secret": token }), server)).toEqual({ ok: true });
    expect(decideUpgrade(req({ host: "127.0.0.1:3000", authorization: `Bearer ${token}` }), server)).toEqual({ ok: true });
  });
  it("refuses another site's page, a rebound Host, a missing Host", () => {
    const cross = decideUpgrade(req({ ...own, origin: "https://evil.example" }), server);
    expect(cross).toMatchObject({ ok: false, status: 403 });
    expect(cross.ok ? "" : cross.reason).toContain("evil.example");
    expect(decideUpgrade(req({ ...own, origin: "http://127.0.0.1:4000" }), server)).toMatchObject({ ok: false, status: 403 });
    expect(decideUpgrade(req({ ...own, host: "evil.example:3000", origin: "http://evil.example:3000" }), server)).toMatchObject({ ok: false, status: 403 });
    expect(decideUpgrade(req({ origin: own.origin, cookie: own.cookie }), server)).toMatchObject({ ok: false, status: 400 });
    expect(decideUpgrade(req({ ...own, origin: "null" }), server)).toMatchObject({ ok: false, status: 403 });
    // the token does not lift the Origin check
    expect(decideUpgrade(req({ ...own, origin: "https://evil.example", "x-streamcanvas-secret": token }), server)).toMatchObject({ ok: false, status: 403 });
  });
  it("needs the token: no cookie, a wrong or expired one, a cookie without Origin are refused", () => {
    expect(decideUpgrade(req({ host: own.host, origin: own.origin }), server)).toMatchObject({ ok: false, status: 401 });
    expect(decideUpgrade(req({ ...own, cookie: "streamcanvas_access=wrong" }), server)).toMatchObject({ ok: false, status: 401 });
    const expired = `streamcanvas_access=${signSession(token, Date.now() - 1000)}`;
    expect(decideUpgrade(req({ ...own, cookie: expired }), server)).toMatchObject({ ok: false, status: 401 });
    expect(decideUpgrade(req({ host: own.host, cookie: session }), server)).toMatchObject({ ok: false, status: 403 });
    expect(decideUpgrade(req({ ...own }, `/api/trpc-ws?token=${token}`), { ...server, token: "other".repeat(10) })).toMatchObject({ ok: false, status: 401 });
  });
});

describe("cookieValue", () => {
  it("reads one cookie among several", () => {
    expect(cookieValue("a=1; streamcanvas_access=abc ;b=2", "streamcanvas_access")).toBe("abc");
    expect(cookieValue("xstreamcanvas_access=abc", "streamcanvas_access")).toBeUndefined();
    expect(cookieValue(undefined, "a")).toBeUndefined();
  });
});
