// A target's TLS truststore (JKS or PKCS12, as Flink's security.ssl.rest.truststore) as PEM certificates for Node's
// TLS client (Test, monitoring): Node reads neither format's trusted-certificate entries, so the JDK's keytool prints
// them. The password goes through keytool's environment (-storepass:env), never its argv.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConnectionInvalid } from "@/server/errors";

const cache = new Map<string, string>();

/** keytool beside the configured java (JAVA=/opt/jdk/bin/java → /opt/jdk/bin/keytool), else the one on PATH */
function keytool(java = process.env.JAVA || "java"): string {
  const beside = path.join(path.dirname(java), "keytool");
  return path.isAbsolute(java) && fs.existsSync(beside) ? beside : "keytool";
}

/** The truststore's certificates as PEM; cached until the file changes. Errors name the file and what is wrong. */
export function truststorePem(file: string, password: string | undefined): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new ConnectionInvalid(`truststore ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`, [{ field: "truststore", message: "cannot be read" }]);
  }
  const key = createHash("sha256").update(`${file}\n${stat.mtimeMs}\n${stat.size}\n${password ?? ""}`).digest("hex");
  const hit = cache.get(key);
  if (hit) return hit;
  let out: string;
  try {
    out = execFileSync(keytool(), ["-list", "-rfc", "-keystore", file, ...(password ? ["-storepass:env", "SC_TRUSTSTORE_PASSWORD"] : [])], {
      env: { ...process.env, SC_TRUSTSTORE_PASSWORD: password ?? "" }, input: password ? "" : "\n", encoding: "utf8", timeout: 30_000, stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    const why = `${err.stdout ?? ""}${err.stderr ?? ""}`.split("\n").map((l) => l.trim()).find((l) => /error|exception/i.test(l)) ?? err.message;
    throw new ConnectionInvalid(`truststore ${file} cannot be read by keytool: ${why.replace(/^keytool error: /, "")}`, [{ field: "truststore", message: why }]);
  }
  const pems = out.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (!pems.length) throw new ConnectionInvalid(`truststore ${file} holds no certificate`, [{ field: "truststore", message: "holds no certificate" }]);
  const pem = `${pems.join("\n")}\n`;
  cache.set(key, pem);
  return pem;
}
