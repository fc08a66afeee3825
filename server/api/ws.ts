// tRPC over WebSocket: each browser tab's subscriptions share one socket (HTTP/1.1 allows 6 connections per host across
// all tabs, and WebSockets are outside that pool). scripts/serve.mjs hands upgrades to the hook installed here.
import type { IncomingMessage } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer } from "ws";
import { getEnv } from "@/env";
import type { AccessServer } from "@/server/access/access";
import { accessServer } from "@/server/access/bound";
import { currentToken } from "@/server/access/token";
import { decideUpgrade, type UpgradeDecision } from "@/server/access/upgrade";
import { appRoot } from "@/server/runner/spawn";
import { getServices } from "@/server/services";
import { appRouter } from "./root";
import { TRPC_WS_PATH } from "./ws-path";

/** Takes an upgrade request; false when it is not ours (then Next.js may take it, e.g. dev HMR). */
export type UpgradeHook = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
const HOOK = Symbol.for("streamcanvas.ws-upgrade");
type GlobalWithHook = typeof globalThis & { [HOOK]?: UpgradeHook };

const STATUS_TEXT = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden" } as const;

function refuse(socket: Duplex, status: keyof typeof STATUS_TEXT, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${reason}\n`);
}

/** Builds the WebSocket endpoint; `server` says what the access decision (the one HTTP requests pass) compares against. */
export function createUpgradeHook(server: () => AccessServer): UpgradeHook {
  const wss = new WebSocketServer({ noServer: true });
  applyWSSHandler({
    wss,
    router: appRouter,
    createContext: () => ({ services: getServices() }),
    // a peer that stops answering pings (a sleeping laptop, a cut network) is dropped and its pollers released
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 10_000 },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc ws] ${path ?? "?"}:`, error);
    },
  });
  return (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://upgrade").pathname !== TRPC_WS_PATH) return false;
    socket.on("error", () => socket.destroy());
    let d: UpgradeDecision;
    try {
      d = decideUpgrade({ url: req.url ?? "/", headers: req.headers }, server());
    } catch {
      socket.destroy();
      return true;
    }
    if (!d.ok) refuse(socket, d.status, d.reason);
    else wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
    return true;
  };
}

/** Called once at boot (instrumentation.ts): the custom server finds the hook on globalThis. */
export function installUpgradeHook() {
  const g = globalThis as GlobalWithHook;
  g[HOOK] ??= createUpgradeHook(() => {
    const env = getEnv();
    return accessServer(env, currentToken(env, path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR)));
  });
}
