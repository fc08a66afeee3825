// Next.js start-up hook: boots the store and the jvm-runner with the server, and the WebSocket endpoint (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getEnv } = await import("./env");
  const env = getEnv(); // a bad environment stops the server here, with its message
  // the address actually bound, whatever STREAMCANVAS_HOST says (`next start` binds every interface by default)
  const { guardBoundAddress } = await import("./server/access/bound");
  guardBoundAddress(env.STREAMCANVAS_ACCESS_SECRET, (msg) => {
    process.stderr.write(`[streamcanvas] ${msg}\n`);
    process.exit(1);
  });
  // the per-install token exists from the first start (npm start prints the sign-in URL; `streamcanvas token` too)
  const path = await import("node:path");
  const { readOrCreateToken } = await import("./server/access/token");
  const { appRoot } = await import("./server/runner/spawn");
  if (!env.STREAMCANVAS_ACCESS_SECRET) readOrCreateToken(path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR));
  const { getServices } = await import("./server/services");
  const { StoreOpenError } = await import("./server/errors");
  try {
    getServices(); // starts the runner in the background; the page shows its state
  } catch (e) {
    // a server that cannot read its database would answer every request with 500: stop at once, naming the file
    if (!(e instanceof StoreOpenError)) throw e;
    process.stderr.write(`[streamcanvas] ${e.message}\n`);
    process.exit(1);
  }
  // tRPC subscriptions over WebSocket, served in this bundle so they share its router and services (scripts/serve.mjs)
  const { installUpgradeHook } = await import("./server/api/ws");
  installUpgradeHook();
}
