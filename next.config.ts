// Next.js configuration: server-only native packages stay external; no telemetry, no remote assets; security headers.
import type { NextConfig } from "next";
import { securityHeaders } from "./server/access/headers";

const config: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "esbuild", "typescript", "ws"],
  poweredByHeader: false,
  reactStrictMode: true,
  // every response, static files included (answers the proxy makes itself set them there: proxy.ts)
  headers: async () => [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }],
};
export default config;
