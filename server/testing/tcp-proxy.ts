// A TCP forwarder in its own Node process, for tests of a cluster that stops answering and answers again: stopping the
// process (SIGKILL) drops every connection and refuses new ones, starting it again on the same port restores the path.
import { spawn, type ChildProcess } from "node:child_process";
import { alive } from "./processes";

const SCRIPT = `
const net = require("node:net");
const [listenPort, host, port] = process.argv.slice(1);
net.createServer((c) => {
  const up = net.connect(Number(port), host);
  c.pipe(up).pipe(c);
  c.on("error", () => up.destroy());
  up.on("error", () => c.destroy());
}).listen(Number(listenPort), "127.0.0.1", () => console.log("listening"));
`;

export type TcpProxy = { pid: number; kill(): Promise<void> };

/** Forwards 127.0.0.1:listenPort to host:port; resolves once it listens. */
export async function startTcpProxy(listenPort: number, host: string, port: number): Promise<TcpProxy> {
  const child: ChildProcess = spawn(process.execPath, ["-e", SCRIPT, String(listenPort), host, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the TCP proxy on port ${listenPort} exited (${code}) before listening`)));
  });
  const pid = child.pid!;
  return {
    pid,
    async kill() {
      if (!alive(pid)) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGKILL");
      await exited;
    },
  };
}
