// Playwright: real headless Chromium (Debian's /usr/bin/chromium), one worker, against `npm start` on a fresh data dir.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { ACCESS_COOKIE } from "./server/access/access";
import { readOrCreateToken, SESSION_SECONDS, signSession } from "./server/access/token";

const port = Number(process.env.E2E_PORT ?? 3210);
// E2E_BASE_URL points the tests at a server that is already running (while developing) instead of starting one.
const external = process.env.E2E_BASE_URL;
// Fresh per run; kept in the environment so that worker processes (which re-read this file) see the same directory.
process.env.E2E_DATA_DIR ??= `./data/e2e-${new Date().toISOString().replace(/[:.]/g, "-")}`;
const dataDir = process.env.E2E_DATA_DIR;
// The server's per-install token, made here in the fresh data dir (the server started below reads the same file);
// every browser context and request fixture starts signed in with its cookie, as after opening the printed URL once.
// Specs that test the sign-in itself start from an empty state (e2e/access.spec.ts).
const token = process.env.E2E_TOKEN ?? readOrCreateToken(path.resolve(dataDir));
const baseURL = external ?? `http://127.0.0.1:${port}`;
const signedIn = {
  cookies: [{
    name: ACCESS_COOKIE, value: signSession(token, Date.now() + SESSION_SECONDS * 1000), domain: new URL(baseURL).hostname, path: "/",
    expires: Math.floor(Date.now() / 1000) + SESSION_SECONDS, httpOnly: true, secure: false, sameSite: "Strict" as const,
  }],
  origins: [],
};

export default defineConfig({
  testDir: "./e2e",
  // one real Kafka broker, one PostgreSQL and one standalone Flink cluster for the whole run, their addresses in
  // STREAMCANVAS_TEST_KAFKA*, STREAMCANVAS_TEST_PG* and STREAMCANVAS_TEST_FLINK_* (server/testing/*-env.ts); each setup
  // returns the teardown that stops what it started
  globalSetup: ["./server/testing/kafka-global-setup.ts", "./server/testing/postgres-global-setup.ts", "./server/testing/flink-global-setup.ts"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL,
    storageState: signedIn,
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: "node scripts/start.mjs",
        url: `http://127.0.0.1:${port}/api/trpc/runner.status`,
        // start.mjs builds first when sources changed (Maven + next build) and the runner boots Flink: be generous.
        timeout: 15 * 60_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: { PORT: String(port), STREAMCANVAS_DATA_DIR: dataDir, STREAMCANVAS_HOST: "127.0.0.1" },
      },
});
