// The address actually bound, read from /proc, and the guard on it.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { boundRefusal, listeningSockets, serverHostnames } from "./bound";

const servers: net.Server[] = [];
const listen = (host: string) =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, host, () => resolve((s.address() as net.AddressInfo).port));
    servers.push(s);
  });
afterAll(() => servers.forEach((s) => s.close()));

describe("bound address", () => {
  it.runIf(process.platform === "linux")("reads this process's listening sockets", async () => {
    const a = await listen("127.0.0.1");
    const b = await listen("0.0.0.0");
    const c = await listen("::1");
    const bound = listeningSockets()!;
    expect(bound).toEqual(expect.arrayContaining([{ address: "127.0.0.1", port: a }, { address: "0.0.0.0", port: b }, { address: "::1", port: c }]));
  });
  it("refuses a non-loopback bind without a secret, naming the address", () => {
    expect(boundRefusal([{ address: "127.0.0.1", port: 3000 }, { address: "::1", port: 3000 }], undefined)).toBeNull();
    expect(boundRefusal([{ address: "0.0.0.0", port: 3000 }], undefined)).toMatch(/refusing to serve on 0\.0\.0\.0:3000 without an access secret/);
    expect(boundRefusal([{ address: "::", port: 3000 }], undefined)).toMatch(/\[::\]:3000/);
    expect(boundRefusal([{ address: "0.0.0.0", port: 3000 }], "a-long-secret")).toBeNull();
  });
  it("answers to the configured host, and on a wildcard bind to the machine's own names", () => {
    expect([...serverHostnames("127.0.0.1", [{ address: "127.0.0.1", port: 1 }])]).toEqual([]);
    expect([...serverHostnames("box.lan", null)]).toEqual(["box.lan"]);
    const wild = serverHostnames("0.0.0.0", [{ address: "0.0.0.0", port: 1 }]);
    expect(wild.has("evil.example")).toBe(false);
    expect(wild.size).toBeGreaterThan(0);
  });
});
