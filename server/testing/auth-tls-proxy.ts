// Test scaffolding: an HTTPS reverse proxy in front of a real Flink REST API that refuses every request without the
// expected Authorization header (401), as a cluster behind an authenticating gateway does. Its key pair and a
// truststore holding its certificate are made with the JDK's keytool (PKCS12), so the runner's Flink client (Java) and
// the server (Node, through keytool's PEM) both trust it by the truststore a target names.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";

export type AuthTlsProxy = {
  url: string; truststore: string; truststorePassword: string;
  /** method and path of each request that carried the header, and of each one refused */
  passed: string[]; refused: string[];
  close(): Promise<void>;
};

export async function startAuthTlsProxy(upstream: string, header: string): Promise<AuthTlsProxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-auth-proxy-"));
  const keystore = path.join(dir, "server.p12");
  const truststore = path.join(dir, "trust.p12");
  const pem = path.join(dir, "server.pem");
  const kt = (...args: string[]) => execFileSync("keytool", args, { stdio: "pipe" });
  kt("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
    "-validity", "2", "-keystore", keystore, "-storetype", "PKCS12", "-storepass", "server-pw", "-keypass", "server-pw");
  kt("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore, "-storepass", "server-pw", "-file", pem);
  kt("-importcert", "-noprompt", "-alias", "flink-gateway", "-file", pem, "-keystore", truststore, "-storetype", "PKCS12", "-storepass", "trust-pw");
  const passed: string[] = [];
  const refused: string[] = [];
  const target = new URL(upstream);
  const server = https.createServer({ pfx: fs.readFileSync(keystore), passphrase: "server-pw" }, (req, res) => {
    const what = `${req.method} ${req.url}`;
    if (req.headers.authorization !== header) {
      refused.push(what);
      res.writeHead(401, { "content-type": "application/json", "www-authenticate": "Bearer" }).end(JSON.stringify({ errors: ["unauthorized"] }));
      return;
    }
    passed.push(what);
    const { authorization: _, host: __, ...headers } = req.headers;
    const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", (e) => res.writeHead(502).end(String(e)));
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `https://127.0.0.1:${(server.address() as { port: number }).port}`, truststore, truststorePassword: "trust-pw", passed, refused,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => (fs.rmSync(dir, { recursive: true, force: true }), r()));
    }),
  };
}
