// Nothing local drives StreamCanvas without its token: HTTP requests to the real server with a rebound Host, a foreign
// Origin, form-typed posts, no token, an expired or rotated cookie are refused with their reason; the printed URL signs a
// browser in with an HttpOnly, SameSite=Strict, expiring cookie; every answer carries the security headers; Monaco and
// the pages run under the CSP with no violation; `next start` bound beyond loopback without a secret refuses to serve.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCESS_COOKIE } from "@/server/access/access";
import { signSession } from "@/server/access/token";
import { createPipeline, selectNode, typeUdfCode } from "./helpers";

// this file signs in (or not) by itself
test.use({ storageState: { cookies: [], origins: [] } });

const dataDir = path.resolve(process.env.E2E_DATA_DIR!);
const tokenFile = path.join(dataDir, "access-token");
const token = () => fs.readFileSync(tokenFile, "utf8").trim();
const base = () => new URL(test.info().project.use.baseURL!);
const cookieOf = (value: string) => `${ACCESS_COOKIE}=${value}`;
const fresh = () => cookieOf(signSession(token(), Date.now() + 3_600_000));

/** One raw HTTP request (Host, Origin and cookies exactly as given). */
function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: base().hostname, port: base().port, method: opts.method ?? "GET", path: opts.path, headers: opts.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c) => (body += c)).on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const create = (headers: Record<string, string>, body = JSON.stringify({ example: "ts-map-enrich.json" })) =>
  send({ method: "POST", path: "/api/trpc/pipelines.create", headers, body });
const pipelineCount = async () => {
  const r = await send({ path: "/api/trpc/pipelines.list", headers: { cookie: fresh() } });
  expect(r.status).toBe(200);
  return (JSON.parse(r.body).result.data as unknown[]).length;
};

test("requests without the token, from a rebound Host or another site, or with a form body are refused and change nothing", async () => {
  const own = { host: base().host, origin: base().origin, "content-type": "application/json" };
  const before = await pipelineCount();

  const noToken = await send({ path: "/", headers: { host: base().host } });
  expect(noToken.status).toBe(401);
  expect(noToken.body).toContain("access token required");
  const apiNoToken = await send({ path: "/api/trpc/pipelines.list", headers: { host: base().host } });
  expect(apiNoToken.status).toBe(401);
  expect(JSON.parse(apiNoToken.body).error.message).toMatch(/access token required/);
  expect((await create(own)).status).toBe(401);

  // DNS rebinding: the page's name now resolves to 127.0.0.1, so the browser sends its own name as Host (and Origin)
  const rebound = `rebind.evil.example:${base().port}`;
  const r1 = await create({ ...own, host: rebound, origin: `http://${rebound}`, cookie: fresh() });
  expect(r1.status).toBe(403);
  expect(r1.body).toContain(`Host ${rebound} is not this server`);
  expect((await send({ path: "/", headers: { host: rebound, cookie: fresh() } })).status).toBe(403);

  const r2 = await create({ ...own, origin: "http://evil.example", cookie: fresh() });
  expect(r2.status).toBe(403);
  expect(r2.body).toContain("Origin http://evil.example is not this server");
  const r3 = await create({ ...own, origin: "http://evil.example", "x-streamcanvas-secret": token() });
  expect(r3.status).toBe(403);
  // a cookie with neither Origin nor Sec-Fetch-Site: not a page of this server
  expect((await create({ host: base().host, "content-type": "application/json", cookie: fresh() })).status).toBe(403);

  for (const [type, body] of [
    ["multipart/form-data; boundary=xx", `--xx\r\nContent-Disposition: form-data; name="example"\r\n\r\nts-map-enrich.json\r\n--xx--\r\n`],
    ["application/x-www-form-urlencoded", "example=ts-map-enrich.json"],
    ["text/plain", JSON.stringify({ example: "ts-map-enrich.json" })],
  ]) {
    const r = await create({ ...own, "content-type": type!, cookie: fresh() }, body);
    expect(r.status, type).toBe(415);
    expect(r.body).toContain("must send application/json");
  }

  const expired = cookieOf(signSession(token(), Date.now() - 1000));
  const r4 = await send({ path: "/", headers: { host: base().host, cookie: expired } });
  expect(r4.status).toBe(401);
  expect(r4.body).toContain("your sign-in has expired");

  expect(await pipelineCount()).toBe(before);
  // the same request from this server's page goes through: the refusals above were about what they said
  expect((await create({ ...own, cookie: fresh() })).status).toBe(200);
  expect((await create({ ...own, "x-streamcanvas-secret": token() })).status).toBe(200);
  expect(await pipelineCount()).toBe(before + 2);
});

test("the printed URL signs a browser in with an expiring HttpOnly cookie; sign-out and a rotated token end it", async ({ page, context }) => {
  const saved = fs.readFileSync(tokenFile);
  try {
    await page.goto("/");
    await expect(page.getByTestId("access-refused")).toContainText("access token required");
    await page.goto(`/jobs?token=${token()}`);
    await expect(page).toHaveURL(/\/jobs$/); // the token leaves the address bar
    const [c] = (await context.cookies()).filter((k) => k.name === ACCESS_COOKIE);
    expect(c).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(c!.expires * 1000).toBeGreaterThan(Date.now() + 13 * 24 * 3600_000);
    expect(c!.value).not.toContain(token());
    await page.goto("/");
    await expect(page.getByTestId("new-pipeline")).toBeVisible();

    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("signed-out")).toBeVisible();
    await page.goto("/");
    await expect(page.getByTestId("access-refused")).toContainText("access token required");

    // the old /login?secret= path still signs in
    await page.goto(`/login?secret=${token()}`);
    await expect(page.getByTestId("new-pipeline")).toBeVisible();
    // streamcanvas token --rotate: this browser's cookie no longer verifies, the old URL no longer signs in
    const old = token();
    const cli = spawn(process.execPath, ["bin/streamcanvas.mjs", "token", "--rotate"], { env: { ...process.env, STREAMCANVAS_DATA_DIR: dataDir, PORT: base().port } });
    let out = "";
    cli.stdout.on("data", (b) => (out += b));
    expect(await new Promise((r) => cli.on("exit", r))).toBe(0);
    expect(out.trim()).toBe(`http://127.0.0.1:${base().port}/?token=${token()}`);
    expect(token()).not.toBe(old);
    await page.goto("/");
    await expect(page.getByTestId("access-refused")).toContainText("no longer valid (the token was rotated)");
    await page.goto(`/?token=${old}`);
    await expect(page.getByTestId("access-refused")).toContainText("not this server's");
    await page.goto(`/?token=${token()}`);
    await expect(page.getByTestId("new-pipeline")).toBeVisible();
  } finally {
    // the other specs' cookie (playwright.config.ts) is signed with the original token
    fs.writeFileSync(tokenFile, saved, { mode: 0o600 });
  }
});

test("every answer carries the CSP, no framing, nosniff and a Referrer-Policy; the editor runs under it with no violation", async ({ page, context }) => {
  await context.addCookies([{ name: ACCESS_COOKIE, value: signSession(token(), Date.now() + 3_600_000), url: base().origin, httpOnly: true, sameSite: "Strict" }]);
  const id = await createPipeline(page.request, JSON.parse(fs.readFileSync(path.resolve("examples/ts-map-enrich.json"), "utf8")));
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`)));

  const assets: string[] = [];
  page.on("response", (r) => r.url().includes("/_next/static/") && assets.push(new URL(r.url()).pathname));
  await page.goto("/");
  await expect(page.getByTestId("new-pipeline")).toBeVisible();
  await page.goto("/jobs");
  await page.goto(`/pipelines/${id}`);
  const worker = page.waitForEvent("worker", { predicate: (w) => w.url().endsWith("/monaco/ts.worker.js") });
  await selectNode(page, "enrich");
  await typeUdfCode(page, "export default function map(row: Input): { n: number } {\n  return { n: row.nope };\n}\n");
  await worker;
  // Monaco's TypeScript worker found the error (the marker count needs the worker and the editor's styles)
  await expect(page.getByTestId("udf-editor")).toHaveAttribute("data-error-count", "1");
  expect(violations).toEqual([]);

  const paths = ["/", "/jobs", `/pipelines/${id}`, "/api/trpc/pipelines.list", "/monaco/ts.worker.js", assets[0]!, "/logout"];
  for (const [p, cookie] of [...paths.map((p) => [p, fresh()]), ["/", ""], ["/?token=wrong", ""]] as const) {
    const r = await send({ path: p, headers: { host: base().host, cookie } });
    expect(r.headers["content-security-policy"], p).toContain("frame-ancestors 'none'");
    expect(r.headers["content-security-policy"], p).toContain("object-src 'none'");
    expect(r.headers["x-content-type-options"], p).toBe("nosniff");
    expect(r.headers["referrer-policy"], p).toBe("no-referrer");
  }
});

test("`next start` bound beyond loopback without STREAMCANVAS_ACCESS_SECRET refuses to serve, naming the address", async () => {
  const port = Number(base().port) + 1;
  for (const args of [["-H", "0.0.0.0"], []]) {
    const dir = fs.mkdtempSync(path.join(dataDir, "bind-"));
    const env: NodeJS.ProcessEnv = { ...process.env, STREAMCANVAS_DATA_DIR: dir, NEXT_TELEMETRY_DISABLED: "1" };
    delete env.STREAMCANVAS_ACCESS_SECRET;
    delete env.STREAMCANVAS_HOST;
    delete env.PORT;
    const child = spawn(path.resolve("node_modules/.bin/next"), ["start", ...args, "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (b) => (err += b));
    child.stdout.resume();
    const code = await new Promise((r) => child.on("exit", r));
    expect(code, args.join(" ")).toBe(1);
    expect(err).toMatch(new RegExp(`refusing to serve on (0\\.0\\.0\\.0|\\[::\\]):${port} without an access secret`));
    expect(fs.existsSync(path.join(dir, "runner.json"))).toBe(false);
  }
});
