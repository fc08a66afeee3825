// The smallest Kafka request there is — ApiVersions v0 over a raw socket — as the test broker's readiness check: a
// broker answers it (also on a SASL listener, before authentication) only once it serves requests.
import net from "node:net";

/** true when host:port answers ApiVersions with error code 0 within `ms`. */
export function apiVersionsOk(host: string, port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const clientId = Buffer.from("sc-ready");
    const req = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length);
    req.writeInt32BE(req.length - 4, 0);
    req.writeInt16BE(18, 4); // ApiVersions
    req.writeInt16BE(0, 6); // version 0: no request body
    req.writeInt32BE(7, 8); // correlation id
    req.writeInt16BE(clientId.length, 12);
    clientId.copy(req, 14);
    let got = Buffer.alloc(0);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const socket = net.connect({ host, port }, () => socket.write(req));
    const timer = setTimeout(() => done(false), ms);
    socket.on("data", (d) => {
      got = Buffer.concat([got, d]);
      // size, correlation id, error code
      if (got.length >= 10) done(got.readInt32BE(4) === 7 && got.readInt16BE(8) === 0);
    });
    socket.on("error", () => done(false));
    socket.on("close", () => done(false));
  });
}
