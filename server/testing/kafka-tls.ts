// A self-signed certificate for the test broker's SSL listener (keytool, PKCS12): the broker's keystore and a
// truststore holding only that certificate, so a client with it trusts the broker and one without it fails the handshake.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

export type TestTls = { keystore: string; truststore: string; password: string };

function keytool(args: string[]) {
  const bin = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "keytool") : "keytool";
  const r = spawnSync(bin, args, { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`keytool ${args[0]} failed: ${r.stdout}${r.stderr}${r.error?.message ?? ""}`);
}

export function makeTestTls(dir: string): TestTls {
  const password = `sc-tls-${randomBytes(6).toString("hex")}`;
  const keystore = path.join(dir, "broker.p12");
  const cert = path.join(dir, "broker.crt");
  const truststore = path.join(dir, "truststore.p12");
  keytool(["-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7", "-dname", "CN=127.0.0.1",
    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore, "-storepass", password, "-keypass", password]);
  keytool(["-exportcert", "-alias", "broker", "-keystore", keystore, "-storepass", password, "-rfc", "-file", cert]);
  keytool(["-importcert", "-noprompt", "-alias", "broker", "-file", cert, "-storetype", "PKCS12", "-keystore", truststore, "-storepass", password]);
  return { keystore, truststore, password };
}
