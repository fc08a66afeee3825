import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSealer, SealError, SECRET_KEY_FILE, sealerFor } from "./seal";

const SECRET = "hunter2-ünïcode-\"quoted\"";
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "sc-seal-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("sealing secrets", () => {
  it("round-trips, with a fresh IV each time, and the sealed text lacks the secret", () => {
    const s = openSealer(tmp());
    const a = s.seal(SECRET, "connection \"k\"");
    const b = s.seal(SECRET, "connection \"k\"");
    expect(a).not.toBe(b);
    expect(a).not.toContain("hunter2");
    expect(s.unseal(a, "connection \"k\"")).toBe(SECRET);
  });

  it("creates the key file 0600 on first start and reuses it", () => {
    const dir = tmp();
    const sealed = openSealer(dir).seal(SECRET, "c");
    const file = path.join(dir, SECRET_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(openSealer(dir).unseal(sealed, "c")).toBe(SECRET);
  });

  it("a changed sealed value is a clear error that does not show the secret", () => {
    const s = openSealer(tmp());
    const sealed = s.seal(SECRET, "connection \"k\"");
    const [v, id, body] = sealed.split(".");
    const raw = Buffer.from(body!, "base64");
    raw[raw.length - 1]! ^= 1;
    const tampered = [v, id, raw.toString("base64")].join(".");
    expect(() => s.unseal(tampered, "connection \"k\"")).toThrow(SealError);
    expect(() => s.unseal(tampered, "connection \"k\"")).toThrow(/connection "k" fail authentication .*changed or damaged/);
    // moving one connection's sealed value onto another fails too (the name is authenticated)
    expect(() => s.unseal(sealed, "connection \"other\"")).toThrow(/connection "other" fail authentication/);
  });

  it("a different key is a clear error naming the key file, not the secret", () => {
    const dir = tmp();
    const sealed = openSealer(dir).seal(SECRET, "connection \"k\"");
    fs.writeFileSync(path.join(dir, SECRET_KEY_FILE), crypto.randomBytes(32).toString("base64"));
    let message = "";
    try {
      openSealer(dir).unseal(sealed, "connection \"k\"");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`sealed with another key`);
    expect(message).toContain(path.join(dir, SECRET_KEY_FILE));
    expect(message).not.toContain("hunter2");
  });

  it("STREAMCANVAS_SECRET_KEY is used instead of a key file, and a bad one is refused naming it", () => {
    const dir = tmp();
    const key = crypto.randomBytes(32);
    const s = openSealer(dir, key.toString("hex"));
    expect(fs.existsSync(path.join(dir, SECRET_KEY_FILE))).toBe(false);
    expect(sealerFor(key, "x").unseal(s.seal(SECRET, "c"), "c")).toBe(SECRET);
    expect(() => openSealer(dir, "too-short")).toThrow(/STREAMCANVAS_SECRET_KEY must hold a 32-byte key/);
  });
});
