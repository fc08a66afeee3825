// The per-install token file (0600, made once, rotated) and the signed session cookie.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentToken, readOrCreateToken, rotateToken, signSession, verifySession } from "./token";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "sc-token-"));

describe("access token", () => {
  it("is made once, private to its owner, and kept across starts", () => {
    const dir = path.join(tmp(), "data");
    const t = readOrCreateToken(dir);
    expect(t).toMatch(/^[0-9a-f]{48}$/);
    expect(fs.statSync(path.join(dir, "access-token")).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(readOrCreateToken(dir)).toBe(t);
  });
  it("is replaced by STREAMCANVAS_ACCESS_SECRET, and a rotation is seen by a running server", () => {
    const dir = tmp();
    expect(currentToken({ STREAMCANVAS_ACCESS_SECRET: "given-secret-123" }, dir)).toBe("given-secret-123");
    const first = currentToken({}, dir);
    const second = rotateToken(dir);
    expect(second).not.toBe(first);
    expect(currentToken({}, dir)).toBe(second);
    expect(fs.statSync(path.join(dir, "access-token")).mode & 0o777).toBe(0o600);
  });
  it("signs a session that expires and does not verify under another token", () => {
    const s = signSession("k".repeat(48), 2_000_000_000_000);
    expect(verifySession(s, "k".repeat(48), 1_999_999_999_000)).toEqual({ ok: true });
    expect(verifySession(s, "k".repeat(48), 2_000_000_000_000)).toEqual({ ok: false, why: "expired" });
    expect(verifySession(s, "j".repeat(48), 0)).toEqual({ ok: false, why: "bad-signature" });
    expect(verifySession(s.replace(/^v1\.\d+/, "v1.9999999999"), "k".repeat(48), 0)).toEqual({ ok: false, why: "bad-signature" });
    expect(verifySession("garbage", "k", 0)).toEqual({ ok: false, why: "malformed" });
  });
});
