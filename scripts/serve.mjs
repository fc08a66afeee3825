// The HTTP server behind npm start and npm run dev: Next.js through its programmatic API, plus the WebSocket upgrade
// that carries every tRPC subscription of a tab (`next start` cannot hand upgrades to the app). Usage:
//   node scripts/serve.mjs [--dev] [--host 127.0.0.1] [--port 3000]   (defaults: STREAMCANVAS_HOST, PORT)
import http from "node:http";
import { parseArgs } from "node:util";
import { root } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    host: { type: "string", default: process.env.STREAMCANVAS_HOST || "127.0.0.1" },
    port: { type: "string", default: process.env.PORT || "3000" },
  },
});
const dev = values.dev;
const port = Number(values.port);
// as `next start` / `next dev` do; set before Next.js and React load (hence the dynamic import below)
process.env.NODE_ENV = dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const { default: next } = await import("next");

const server = http.createServer();
const app = next({ dev, dir: root, hostname: values.host, port, httpServer: server });
await app.prepare(); // runs instrumentation.ts: the store, the runner, and the WebSocket hook below
const handle = app.getRequestHandler();
server.on("request", (req, res) => void handle(req, res));

const HOOK = Symbol.for("streamcanvas.ws-upgrade");
server.on("upgrade", (req, socket, head) => {
  // server/api/ws.ts takes its own path; in development any other upgrade (HMR) is Next.js's, which listens here too
  const hook = globalThis[HOOK];
  if (!hook) {
    socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\nthe WebSocket endpoint is not installed\n");
    return;
  }
  if (!hook(req, socket, head) && !dev) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
});

server.on("error", (e) => {
  process.stderr.write(`[streamcanvas] server: ${e.message}\n`);
  process.exit(1);
});
server.listen(port, values.host, () => {
  // as `next start` does: the port actually bound, which the access decision checks Host headers against
  process.env.PORT = String(server.address().port);
  process.stdout.write(`[streamcanvas] serving ${dev ? "development" : "production"} build on ${values.host}:${port}\n`);
});

// Exit on a signal (Node's default would skip the 'exit' handlers, which stop the runner this server started).
let closing = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    const grace = new Promise((r) => setTimeout(r, 3_000).unref());
    Promise.race([app.close(), grace]).finally(() => process.exit(code));
  });
}
