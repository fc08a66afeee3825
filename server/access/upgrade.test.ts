// WebSocket upgrade decisions: secret as for HTTP, Origin must be this host, loopback servers answer loopback names only.
import { describe, expect, it } from "vitest";
import { accessToken } from "./access";
import { cookieValue, decideUpgrade } from "./upgrade";

const loopback = { listenHost: "127.0.0.1", secret: undefined };
const exposed = { listenHost: "0.0.0.0", secret: "s3cret-s3cret" };
const req = (headers: Record<string, string>, url = "/api/trpc-ws") => ({ url, headers });

describe("decideUpgrade", () => {
  it("allows a same-origin browser on loopback without a secret, and a client that sends no Origin", async () => {
    expect(await decideUpgrade(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), loopback)).toEqual({ ok: true });
    expect(await decideUpgrade(req({ host: "localhost:3000", origin: "http://localhost:3000" }), loopback)).toEqual({ ok: true });
    expect(await decideUpgrade(req({ host: "[::1]:3000" }), loopback)).toEqual({ ok: true });
  });
  it("refuses another site's page (cross-site WebSocket) and a non-loopback Host on a loopback server", async () => {
    const cross = await decideUpgrade(req({ host: "127.0.0.1:3000", origin: "https://evil.example" }), loopback);
    expect(cross).toMatchObject({ ok: false, status: 403 });
    expect(cross.ok ? "" : cross.reason).toContain("evil.example");
    const otherPort = await decideUpgrade(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:4000" }), loopback);
    expect(otherPort).toMatchObject({ ok: false, status: 403 });
    const rebound = await decideUpgrade(req({ host: "evil.example:3000", origin: "http://evil.example:3000" }), loopback);
    expect(rebound).toMatchObject({ ok: false, status: 403 });
    expect(await decideUpgrade(req({ origin: "http://127.0.0.1:3000" }), loopback)).toMatchObject({ ok: false, status: 400 });
    expect(await decideUpgrade(req({ host: "127.0.0.1:3000", origin: "null" }), loopback)).toMatchObject({ ok: false, status: 403 });
  });
  it("needs the access secret (cookie, header or bearer) when one is set, as HTTP requests do", async () => {
    const h = { host: "10.0.0.5:3000", origin: "http://10.0.0.5:3000" };
    expect(await decideUpgrade(req(h), exposed)).toMatchObject({ ok: false, status: 401 });
    expect(await decideUpgrade(req({ ...h, cookie: "streamcanvas_access=wrong" }), exposed)).toMatchObject({ ok: false, status: 401 });
    const token = await accessToken("s3cret-s3cret");
    expect(await decideUpgrade(req({ ...h, cookie: `a=1; streamcanvas_access=${token}` }), exposed)).toEqual({ ok: true });
    expect(await decideUpgrade(req({ ...h, "x-streamcanvas-secret": "s3cret-s3cret" }), exposed)).toEqual({ ok: true });
    expect(await decideUpgrade(req({ ...h, authorization: "Bearer s3cret-s3cret" }), exposed)).toEqual({ ok: true });
    // behind a reverse proxy on loopback, the secret (not the Host) decides
    const proxied = { host: "canvas.example.org", origin: "https://canvas.example.org", cookie: `streamcanvas_access=${token}` };
    expect(await decideUpgrade(req(proxied), { listenHost: "127.0.0.1", secret: "s3cret-s3cret" })).toEqual({ ok: true });
    // the secret does not lift the Origin check
    const cross = { host: "10.0.0.5:3000", origin: "https://evil.example", cookie: `streamcanvas_access=${token}` };
    expect(await decideUpgrade(req(cross), exposed)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("cookieValue", () => {
  it("reads one cookie among several", () => {
    expect(cookieValue("a=1; streamcanvas_access=abc ;b=2", "streamcanvas_access")).toBe("abc");
    expect(cookieValue("xstreamcanvas_access=abc", "streamcanvas_access")).toBeUndefined();
    expect(cookieValue(undefined, "a")).toBeUndefined();
  });
});
