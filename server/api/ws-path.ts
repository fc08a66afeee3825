// Where the browser opens its one WebSocket for tRPC subscriptions (a path no Next.js route claims).
export const TRPC_WS_PATH = "/api/trpc-ws";
