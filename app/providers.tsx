// Client-side providers for every page (tRPC + TanStack Query).
"use client";
import type { ReactNode } from "react";
import { z } from "zod";
import { TRPCReactProvider } from "@/components/trpc/client";

// zod probes `Function("")` on its first object parse to see whether it may compile parsers; under the page's CSP
// (no 'unsafe-eval': server/access/headers.ts) that probe is refused and reported as a violation. Tell it up front.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
