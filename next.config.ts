// Next.js configuration: server-only native packages stay external; no telemetry, no remote assets.
import type { NextConfig } from "next";

const config: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "esbuild", "typescript", "ws"],
  poweredByHeader: false,
  reactStrictMode: true,
};
export default config;
