// `npm start` on a data dir whose database is damaged: the server stops at once naming the file, instead of
// answering every request with 500 while never reporting ready (needs the built app, as the integration stage has).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sc-corrupt-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address() as net.AddressInfo;
    s.close(() => resolve(port));
  });
});

it("exits with the database's path and a recovery hint when the database file is corrupt", async () => {
  const db = path.join(dir, "streamcanvas.db");
  fs.writeFileSync(db, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(8192, 0x5a)]));
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, STREAMCANVAS_DATA_DIR: dir, PORT: String(await freePort()), STREAMCANVAS_HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code, out).toBe(1);
  expect(out).toContain(`cannot open the database ${db}`);
  expect(out).toMatch(/move it .*aside/);
  expect(out).not.toContain("StreamCanvas ready");
  expect(out.match(/cannot open the database/g)!.length).toBeLessThanOrEqual(2);
}, 120_000);
