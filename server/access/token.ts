// The per-install access token (<data dir>/access-token, 0600) and the signed, expiring session cookie it keys.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const TOKEN_FILE = "access-token";
/** How long a browser stays signed in after opening the token URL. */
export const SESSION_SECONDS = 14 * 24 * 3600;

const tokenPath = (dataDir: string) => path.join(dataDir, TOKEN_FILE);
const newToken = () => crypto.randomBytes(24).toString("hex");

function writeToken(dataDir: string, token: string) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // write beside it and rename, so a reader never sees a half-written token
  const tmp = `${tokenPath(dataDir)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${token}\n`, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, tokenPath(dataDir));
}

/** The install's token, created on first use (a racing second creator keeps the first one's file). */
export function readOrCreateToken(dataDir: string): string {
  try {
    const t = fs.readFileSync(tokenPath(dataDir), "utf8").trim();
    if (t) return t;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const token = newToken();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(tokenPath(dataDir), `${token}\n`, { mode: 0o600, flag: "wx" });
    return token;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return readOrCreateToken(dataDir);
    throw e;
  }
}

/** A new token: every browser signed in with the old one is signed out (their cookies no longer verify). */
export function rotateToken(dataDir: string): string {
  const token = newToken();
  writeToken(dataDir, token);
  return token;
}

let cache: { dir: string; mtimeMs: number; ino: number; token: string } | undefined;
/**
 * The token requests are checked against: STREAMCANVAS_ACCESS_SECRET when set, else the data dir's file, re-read
 * when it changes (so `streamcanvas token --rotate` takes effect on a running server).
 */
export function currentToken(env: { STREAMCANVAS_ACCESS_SECRET?: string }, dataDir: string): string {
  if (env.STREAMCANVAS_ACCESS_SECRET) return env.STREAMCANVAS_ACCESS_SECRET;
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(tokenPath(dataDir));
  } catch {
    // not there yet: created below
  }
  if (st && cache && cache.dir === dataDir && cache.mtimeMs === st.mtimeMs && cache.ino === st.ino) return cache.token;
  const token = readOrCreateToken(dataDir);
  const now = fs.statSync(tokenPath(dataDir));
  cache = { dir: dataDir, mtimeMs: now.mtimeMs, ino: now.ino, token };
  return token;
}

const mac = (token: string, expires: number) =>
  crypto.createHmac("sha256", token).update(`streamcanvas-session\0${expires}`).digest("base64url");

/** A cookie value that proves the token was presented, valid until `expiresAt` (ms since the epoch). */
export function signSession(token: string, expiresAt: number): string {
  const expires = Math.floor(expiresAt / 1000);
  return `v1.${expires}.${mac(token, expires)}`;
}

export type SessionCheck = { ok: true } | { ok: false; why: "malformed" | "expired" | "bad-signature" };

/** Checks a cookie value against the current token; a rotated token makes every older cookie a bad signature. */
export function verifySession(value: string, token: string, now = Date.now()): SessionCheck {
  const m = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return { ok: false, why: "malformed" };
  const expires = Number(m[1]);
  if (!sameText(mac(token, expires), m[2]!)) return { ok: false, why: "bad-signature" };
  if (expires * 1000 <= now) return { ok: false, why: "expired" };
  return { ok: true };
}

/** Constant-time comparison of two strings (false for different lengths). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
