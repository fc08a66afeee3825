// Environment parsing: defaults, and refusal to expose the server without an access secret.
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/env";

describe("parseEnv", () => {
  it("defaults to loopback, port 3000, ./data", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ STREAMCANVAS_HOST: "127.0.0.1", PORT: 3000, STREAMCANVAS_DATA_DIR: "./data", JAVA: "java" });
    expect(env.STREAMCANVAS_ACCESS_SECRET).toBeUndefined();
  });
  it("refuses a non-loopback host without an access secret, saying how to set one", () => {
    expect(() => parseEnv({ STREAMCANVAS_HOST: "0.0.0.0" })).toThrow(EnvError);
    expect(() => parseEnv({ STREAMCANVAS_HOST: "0.0.0.0" })).toThrow(/STREAMCANVAS_ACCESS_SECRET=/);
    expect(parseEnv({ STREAMCANVAS_HOST: "0.0.0.0", STREAMCANVAS_ACCESS_SECRET: "a-long-enough-secret" }).STREAMCANVAS_HOST).toBe("0.0.0.0");
  });
  it("rejects a bad port and a runner URL without its secret", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseEnv({ STREAMCANVAS_RUNNER_URL: "http://127.0.0.1:9" })).toThrow(/RUNNER_SECRET/);
  });
});
