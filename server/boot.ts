// The server's start-up, run once by instrumentation.ts in the Node.js runtime: environment, the bound-address guard,
// the access token, services, the WebSocket hook. Kept out of instrumentation.ts so no Node API is bundled for Edge.
import path from "node:path";
import { getEnv } from "@/env";
import { guardBoundAddress } from "./access/bound";
import { readOrCreateToken } from "./access/token";
import { installUpgradeHook } from "./api/ws";
import { StoreOpenError } from "./errors";
import { appRoot } from "./runner/spawn";
import { getServices } from "./services";

/** Start-up failures a user can act on end the process with one line, instead of a server answering 500. */
function stop(message: string): never {
  process.stderr.write(`[streamcanvas] ${message}\n`);
  process.exit(1);
}

export function boot(): void {
  const env = getEnv(); // a bad environment stops the server here, with its message
  // the address actually bound, whatever STREAMCANVAS_HOST says (`next start` binds every interface by default)
  guardBoundAddress(env.STREAMCANVAS_ACCESS_SECRET, stop);
  // the per-install token exists from the first start (npm start prints the sign-in URL; `streamcanvas token` too)
  if (!env.STREAMCANVAS_ACCESS_SECRET) readOrCreateToken(path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR));
  try {
    getServices(); // starts the runner in the background; the page shows its state
  } catch (e) {
    // a server that cannot read its database would answer every request with 500: stop at once, naming the file
    if (!(e instanceof StoreOpenError)) throw e;
    stop(e.message);
  }
  // tRPC subscriptions over WebSocket, served in this bundle so they share its router and services (scripts/serve.mjs)
  installUpgradeHook();
}
