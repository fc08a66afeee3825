// tRPC client for the browser: batched HTTP for queries/mutations; every subscription of the tab multiplexed over one
// WebSocket (HTTP/1.1 gives a host 6 connections across all tabs, so one SSE stream per subscription starved new tabs).
"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import type { AppRouter } from "@/server/api/root";
import { TRPC_WS_PATH } from "@/server/api/ws-path";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const url = "/api/trpc";

/** ws(s)://<this host>/api/trpc-ws; read when the socket opens (never during server rendering). */
const wsUrl = () => `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${TRPC_WS_PATH}`;

function makeClient() {
  const ws = createWSClient({
    url: wsUrl,
    // opens on the first subscription (so not on the server), closes a while after the last one ends
    lazy: { enabled: true, closeMs: 10_000 },
    // after a server restart: retry soon and often (tRPC's default backs off to 30 s), subscriptions are re-sent
    retryDelayMs: (attempt) => (attempt === 0 ? 0 : Math.min(500 * 2 ** attempt, 4_000)),
    keepAlive: { enabled: true, intervalMs: 20_000, pongTimeoutMs: 10_000 },
  });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: ws }),
        false: httpBatchLink({ url }),
      }),
    ],
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  // One client (and so one WebSocket) per browser tab; useState keeps them stable across re-renders.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, refetchOnWindowFocus: false } } }),
  );
  const [trpcClient] = useState(makeClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
