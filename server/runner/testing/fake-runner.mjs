// A stand-in jvm-runner for fast unit tests of the supervisor and routers: the same HTTP API (jvm-runner/API.md),
// no Flink. A program whose datagen has number-of-rows or a sequence column finishes with number-of-rows (default 5)
// rows; otherwise it runs until cancelled; a program named "reject" is refused. The real runner is covered by the *.int.test.ts tests.
import http from "node:http";

const secret = process.env.STREAMCANVAS_RUNNER_SECRET;
const jobs = new Map();
let seq = 0;

function view(job) {
  const { program, ...rest } = job;
  return rest;
}

function submit(program) {
  const jobId = `job${++seq}`.padEnd(32, "0");
  const from = program.statements.find((s) => s.op === "from");
  const collect = program.statements.find((s) => s.op === "collect");
  const opts = from?.descriptor.options ?? {};
  const bounded = opts["number-of-rows"] ?? (Object.values(opts).includes("sequence") ? "5" : undefined);
  const job = { jobId, name: program.name, status: "RUNNING", startTime: Date.now(), endTime: null, error: null, sinks: {}, program };
  if (collect) job.sinks[collect.sink] = { columns: [{ name: "id", type: "BIGINT" }], rows: [], total: 0 };
  jobs.set(jobId, job);
  if (bounded !== undefined) {
    setTimeout(() => {
      const n = Number(bounded);
      if (collect) job.sinks[collect.sink] = { columns: [{ name: "id", type: "BIGINT" }], rows: Array.from({ length: n }, (_, i) => ({ kind: "+I", values: [String(i)] })), total: n };
      job.status = "FINISHED";
      job.endTime = Date.now();
    }, 300);
  }
  return jobId;
}

const server = http.createServer((req, res) => {
  const send = (code, body) => {
    res.writeHead(code, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.headers.authorization !== `Bearer ${secret}`) return send(401, { error: { message: "unauthorized" } });
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const url = new URL(req.url, "http://x");
    const m = /^\/jobs\/([^/]+)(\/cancel)?$/.exec(url.pathname);
    if (req.method === "GET" && url.pathname === "/health") return send(200, { status: "ok", flinkRestUrl: null, flinkVersion: "fake", startedAt: 0, jobs: jobs.size });
    if (req.method === "GET" && url.pathname === "/jobs") return send(200, { jobs: [...jobs.values()].map(view) });
    if (req.method === "POST" && url.pathname === "/jobs") {
      const { program } = JSON.parse(body);
      if (program.name === "reject") return send(400, { error: { message: "Flink rejected the program", cause: "Column 'nope' not found" } });
      return send(200, { jobId: submit(program) });
    }
    const job = m && jobs.get(m[1]);
    if (!job) return send(404, { error: { message: "unknown job" } });
    if (req.method === "POST" && m[2]) {
      if (job.status === "RUNNING") Object.assign(job, { status: "CANCELED", endTime: Date.now() });
      return send(200, view(job));
    }
    return send(200, view(job));
  });
});

server.listen(0, "127.0.0.1", () => {
  process.stderr.write(`fake runner booting pid=${process.pid}\n`);
  process.stdout.write(`STREAMCANVAS_RUNNER_READY ${JSON.stringify({ port: server.address().port, flinkRestUrl: null, pid: process.pid })}\n`);
});
process.on("SIGTERM", () => process.exit(0));
