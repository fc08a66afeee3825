// Sealing connection secrets at rest: AES-256-GCM with a key kept outside the database file — STREAMCANVAS_SECRET_KEY
// (32 bytes, base64 or hex) or <data dir>/secret.key (created 0600 on first start). A sealed value names the key's id,
// so a value sealed under another key is told apart from one that was changed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { crossBundleError } from "@/server/errors";

export const SECRET_KEY_FILE = "secret.key";
const VERSION = "v1";

export class SealError extends Error {}
crossBundleError("SealError", SealError);

export type Sealer = {
  /** where the key came from, for messages: the key file's path or the variable's name (never the key) */
  source: string;
  keyId: string;
  seal(plaintext: string, context: string): string;
  /** throws SealError saying what is wrong (another key, or a changed value), never the secret */
  unseal(sealed: string, context: string): string;
};

function parseKey(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) throw new SealError(`${source} must hold a 32-byte key, base64 or hex (e.g. openssl rand -base64 32)`);
  return key;
}

/** The key file, made on first use with 32 random bytes (a racing second creator keeps the first one's file). */
function readOrCreateKeyFile(file: string): Buffer {
  try {
    return parseKey(fs.readFileSync(file, "utf8"), `the key file ${file}`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return readOrCreateKeyFile(file);
}

/** The sealer of an install: STREAMCANVAS_SECRET_KEY when given, else the data dir's key file. */
export function openSealer(dataDir: string, envKey?: string): Sealer {
  const source = envKey ? "STREAMCANVAS_SECRET_KEY" : `the key file ${path.join(dataDir, SECRET_KEY_FILE)}`;
  const key = envKey ? parseKey(envKey, source) : readOrCreateKeyFile(path.join(dataDir, SECRET_KEY_FILE));
  return sealerFor(key, source);
}

export function sealerFor(key: Buffer, source: string): Sealer {
  // an id, not the key: a hash prefix of 256 random bits says nothing about them
  const keyId = crypto.createHash("sha256").update("streamcanvas-secret-key").update(key).digest("hex").slice(0, 12);
  return {
    source, keyId,
    seal(plaintext, context) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, keyId, Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64")].join(".");
    },
    unseal(sealed, context) {
      const [version, id, body] = sealed.split(".");
      if (version !== VERSION || !id || body === undefined) throw new SealError(`the sealed secrets of ${context} are not in a format this StreamCanvas reads`);
      if (id !== keyId) {
        throw new SealError(`the secrets of ${context} were sealed with another key (id ${id}) than ${source} (id ${keyId}): ` +
          "put back the key they were sealed with, or enter the secrets again");
      }
      const raw = Buffer.from(body, "base64");
      try {
        const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
      } catch {
        throw new SealError(`the sealed secrets of ${context} fail authentication with ${source}: the stored value was changed or damaged; enter the secrets again`);
      }
    },
  };
}
