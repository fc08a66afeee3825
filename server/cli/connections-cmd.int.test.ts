// `streamcanvas connections add|update|list|test|remove` end to end: the bin on the data dir of a running server (its store,
// its sealing key, its runner), secrets from an env var or stdin and never echoed, Test against the real broker.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { realRunnerHarness } from "@/server/api/testing/harness";
import { testKafka } from "@/server/testing/kafka-env";

const h = realRunnerHarness();
const bin = path.resolve("bin/streamcanvas.mjs");

function cli(args: string[], o: { env?: Record<string, string>; stdin?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "connections", ...args], {
      env: { ...process.env, STREAMCANVAS_DATA_DIR: h.dir, ...o.env }, stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.stdin.end(o.stdin ?? "");
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const sasl = (name: string) => ["add", name, "--kind", "kafka", "--bootstrap-servers", testKafka().saslBootstrap,
  "--security-protocol", "SASL_PLAINTEXT", "--sasl-mechanism", "SCRAM-SHA-256", "--username", testKafka().user];

describe("streamcanvas connections", () => {
  it("adds with the password from an env var or stdin, lists, tests and removes, never printing the password", async () => {
    const { password } = testKafka();
    const fromEnv = await cli(sasl("cli-kafka"), { env: { STREAMCANVAS_CONNECTION_PASSWORD: password } });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout).toContain("connection cli-kafka added");
    const fromStdin = await cli([...sasl("cli-stdin"), "--property", "client.id=sc-cli", "--password-stdin"], { stdin: `${password}\n` });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    await cli([...sasl("cli-wrong"), "--password-stdin"], { stdin: "wrong-password-99\n" });
    expect((await cli([...sasl("cli-stdin2"), "--password-stdin"], { stdin: `${password}\n` })).code).toBe(0);

    const list = await cli(["list"]);
    expect(list.stdout).toMatch(/^cli-kafka\tkafka\t127\.0\.0\.1:\d+ \(SASL_PLAINTEXT SCRAM-SHA-256 as sc-test\)$/m);
    // the server sees what the CLI added: one store, one key
    expect((await h.caller.connections.get({ name: "cli-stdin" })).fields.properties).toEqual({ "client.id": "sc-cli" });

    const ok = await cli(["test", "cli-kafka"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^cli-kafka: connected: 1 broker, \d+ topics?$/m);
    expect((await cli(["test", "cli-stdin2"])).code).toBe(0);
    const wrong = await cli(["test", "cli-wrong"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("cli-wrong: authentication failed at");
    expect(wrong.stderr).not.toContain("wrong-password-99");

    expect((await cli(["remove", "cli-kafka"])).stdout).toContain("connection cli-kafka removed");
    expect((await cli(["list"])).stdout).not.toContain("cli-kafka\t");
    for (const r of [fromEnv, fromStdin, list, ok]) expect(r.stdout + r.stderr).not.toContain(password);
  });

  it("asks for the password by env var or stdin when there is no terminal, and names a missing connection", async () => {
    const r = await cli(sasl("cli-nopass"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("password needed: set STREAMCANVAS_CONNECTION_PASSWORD, or pass --password-stdin (never as an argument)");
    const missing = await cli(["test", "nope"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('connection "nope" does not exist');
  });

  it("updates only the fields given, keeps a saved password unless given again or cleared, and never prints it", async () => {
    const k = testKafka();
    expect((await cli(["add", "cli-upd", "--kind", "kafka", "--bootstrap-servers", k.bootstrap, "--property", "client.id=a", "--property", "x=1"])).code).toBe(0);
    // PLAINTEXT → SASL: the password from stdin, one property changed and one removed
    const toSasl = await cli(["update", "cli-upd", "--bootstrap-servers", k.saslBootstrap, "--security-protocol", "SASL_PLAINTEXT",
      "--sasl-mechanism", "SCRAM-SHA-256", "--username", k.user, "--property", "client.id=b", "--remove-property", "x", "--password-stdin"],
    { stdin: `${k.password}\n` });
    expect(toSasl.code, toSasl.stderr).toBe(0);
    expect(toSasl.stdout).toMatch(/^connection cli-upd updated: 127\.0\.0\.1:\d+ \(SASL_PLAINTEXT SCRAM-SHA-256 as sc-test\)$/m);
    const view = await h.caller.connections.get({ name: "cli-upd" });
    expect([view.fields.properties, view.secretsSet.password]).toEqual([{ "client.id": "b" }, true]);
    expect((await cli(["test", "cli-upd"])).code).toBe(0);
    // a field changed alone keeps the saved password
    expect((await cli(["update", "cli-upd", "--property", "client.id=c"])).code).toBe(0);
    const kept = await cli(["test", "cli-upd"]);
    expect(kept.code, kept.stderr).toBe(0);
    // a password given again replaces it; cleared, the SASL connection asks for one
    expect((await cli(["update", "cli-upd"], { env: { STREAMCANVAS_CONNECTION_PASSWORD: "wrong-password-77" } })).code).toBe(0);
    const wrong = await cli(["test", "cli-upd"]);
    expect([wrong.code, wrong.stderr.includes("authentication failed at"), wrong.stderr.includes("wrong-password-77")]).toEqual([2, true, false]);
    const cleared = await cli(["update", "cli-upd", "--clear-secret", "password"]);
    expect([cleared.code, cleared.stderr]).toEqual([1, expect.stringContaining("password needed: set STREAMCANVAS_CONNECTION_PASSWORD")]);
    expect((await cli(["update", "nope", "--username", "u"])).stderr).toContain('connection "nope" does not exist');
    for (const r of [toSasl, kept, wrong]) expect(r.stdout + r.stderr).not.toContain(k.password);
  });
});
