// `streamcanvas token [--rotate]`: the sign-in URL from the data dir's access token; --rotate signs every browser out.
import path from "node:path";
import type { Env } from "@/env";
import { readOrCreateToken, rotateToken } from "@/server/access/token";
import { appRoot } from "@/server/runner/spawn";

export function tokenCommand(env: Env, rotate: boolean): number {
  if (env.STREAMCANVAS_ACCESS_SECRET) {
    process.stderr.write("STREAMCANVAS_ACCESS_SECRET is set: it is the token (change it and restart the server to rotate)\n");
    return 1;
  }
  const dataDir = path.resolve(appRoot(), env.STREAMCANVAS_DATA_DIR);
  const token = rotate ? rotateToken(dataDir) : readOrCreateToken(dataDir);
  const host = env.STREAMCANVAS_HOST === "0.0.0.0" || env.STREAMCANVAS_HOST === "::" ? "127.0.0.1" : env.STREAMCANVAS_HOST;
  if (rotate) process.stderr.write("new token written: every browser signed in before is signed out\n");
  process.stdout.write(`http://${host.includes(":") ? `[${host}]` : host}:${env.PORT}/?token=${token}\n`);
  return 0;
}
