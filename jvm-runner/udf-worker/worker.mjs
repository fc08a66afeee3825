// StreamCanvas UDF worker: runs one user function over batches of rows framed on stdin and fd 3 (protocol: README.md).
// Started by io.streamcanvas.runner.udf.WorkerProcess (and server/udf/worker-call.ts) inside the sandbox README.md describes.
import { Buffer } from "node:buffer";
import dgram from "node:dgram";
import dns from "node:dns";
import dnsPromises from "node:dns/promises";
import { writeSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import os from "node:os";
import process from "node:process";
import { format } from "node:util";

// Keep our own handles before user code runs, so a UDF replacing globals cannot reroute frames.
const exitNow = process.reallyExit.bind(process); // process.exit() itself calls process.reallyExit(), refused below
const FRAME = { INIT: 0x49, BATCH: 0x42, ROWS: 0x62, AGGREGATE: 0x41, READY: 0x4b, RESULT: 0x52, ROWS_RESULT: 0x72, ERROR: 0x45, LOG: 0x4c };
/** Frames go out on fd 3 (the launcher moved the runner's pipe there); fd 1 and 2 are only log lines. */
const FRAMES_FD = 3;
/** The largest frame the runner accepts (WorkerProcess.MAX_FRAME_BYTES, worker-call.ts); a bigger answer fails the UDF. */
const MAX_FRAME_BYTES = 64 << 20;
const pause = new Int32Array(new SharedArrayBuffer(4));
function writeOut(buf) {
  for (let off = 0; off < buf.length;) {
    try {
      off += writeSync(FRAMES_FD, buf, off);
    } catch (e) {
      if (e?.code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 1); // a non-blocking pipe is full: the runner reads it soon
    }
  }
}

function send(type, payload) {
  const body = Buffer.from(JSON.stringify(payload), "utf8");
  if (body.length + 1 > MAX_FRAME_BYTES) return tooBig(body.length + 1);
  const head = Buffer.allocUnsafe(5);
  head.writeUInt32BE(body.length + 1, 0);
  head[4] = type;
  writeOut(Buffer.concat([head, body]));
  return true;
}
const tooBigMessage = (bytes) => `the answer to this batch is ${(bytes / 1048576).toFixed(1)} MB, above the ${MAX_FRAME_BYTES / 1048576} MB limit of one frame`;
function tooBig(bytes) {
  send(FRAME.ERROR, { message: `Error: ${tooBigMessage(bytes)}`, stack: "", row: null });
  return false;
}

// console.* becomes log frames, at most LOG_PER_SECOND lines a second; the rest are counted and reported as dropped.
const LOG_PER_SECOND = 100;
let logs = [];
let logWindow = 0;
let logCount = 0;
let dropped = 0;
function log(level, args) {
  const now = Date.now();
  if (now - logWindow >= 1000) {
    logWindow = now;
    logCount = 0;
  }
  if (logCount++ < LOG_PER_SECOND) logs.push({ level, line: format(...args).slice(0, 2000) });
  else dropped++;
}
function flushLogs() {
  if (dropped > 0) {
    logs.push({ level: "warn", line: `${dropped} log lines dropped (limit ${LOG_PER_SECOND}/s)` });
    dropped = 0;
  }
  if (logs.length > 0) {
    send(FRAME.LOG, logs);
    logs = [];
  }
}
globalThis.console = Object.freeze({
  log: (...a) => log("info", a), info: (...a) => log("info", a), debug: (...a) => log("debug", a),
  warn: (...a) => log("warn", a), error: (...a) => log("error", a), trace: (...a) => log("debug", a),
});
const refuse = (what) => () => { throw new Error(`${what} is not allowed in a UDF`); };
process.exit = refuse("process.exit()");
process.abort = refuse("process.abort()");
process.reallyExit = refuse("process.reallyExit()");
process.kill = refuse("process.kill()");
process._kill = refuse("process._kill()");
process.binding = refuse("process.binding()");
process._debugProcess = refuse("process._debugProcess()");
process._debugEnd = refuse("process._debugEnd()");
os.setPriority = refuse("os.setPriority()");

// No network: the worker runs in an empty network namespace (TCP and UDP fail there), and these refuse at once with a
// clear error, also where a namespace cannot help (a Unix socket's path). Locked so a UDF cannot put them back.
const offline = (what) => function () { throw new Error(`${what} is not allowed in a UDF: workers have no network access`); };
const lock = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: false, configurable: false, enumerable: false });
lock(net.Socket.prototype, "connect", offline("connecting a socket"));
lock(net.Server.prototype, "listen", offline("listening on a socket"));
for (const k of ["bind", "connect", "send"]) lock(dgram.Socket.prototype, k, offline(`dgram ${k}()`));
for (const k of ["fetch", "WebSocket", "EventSource"]) lock(globalThis, k, offline(`${k}()`));
for (const m of [dns, dnsPromises]) {
  for (const k of Object.keys(m)) if (typeof m[k] === "function" && k !== "getServers") m[k] = offline(`dns.${k}()`);
}
syncBuiltinESMExports(); // named imports (import { lookup } from "node:dns") see the replacements too

// Wire values (JSON) ↔ the JS values a UDF sees: BIGINT ↔ bigint, TIMESTAMP* ↔ Date (wire: epoch millis).
const baseType = (t) => t.replace(/\s+NOT NULL$/i, "").replace(/\(.*$/, "").trim().toUpperCase();
const NESTED = /^\s*(ROW|ARRAY|MAP|MULTISET)\s*[<(]/i;
function toJs(type) {
  if (NESTED.test(type)) return nestedToJs(type);
  switch (baseType(type)) {
    case "BIGINT": return (v) => (v === null ? null : BigInt(v));
    case "TIMESTAMP": case "TIMESTAMP_LTZ": return (v) => (v === null ? null : new Date(v));
    default: return null;
  }
}
const badValue = (type, name) => (v, want) => {
  throw new TypeError(`column "${name}" (${type}) expects ${want}, got ${typeof v} ${String(v).slice(0, 80)}`);
};
const INT_RANGE = { TINYINT: [-128, 127], SMALLINT: [-32768, 32767], INT: [-2147483648, 2147483647], INTEGER: [-2147483648, 2147483647] };
/** Throws unless a returned value fits its column: one rule for JSON and binary frames, so Try it refuses what a job does. */
function valueCheck(type, name) {
  const bad = badValue(type, name);
  const base = baseType(type);
  switch (base) {
    case "BOOLEAN": return (v) => { if (typeof v !== "boolean") bad(v, "true or false"); };
    case "TINYINT": case "SMALLINT": case "INT": case "INTEGER": {
      const [lo, hi] = INT_RANGE[base];
      return (v) => { if (!Number.isInteger(v) || v < lo || v > hi) bad(v, `an integer from ${lo} to ${hi}`); };
    }
    case "FLOAT": case "DOUBLE": return (v) => { if (typeof v !== "number") bad(v, "a number"); };
    case "CHAR": case "VARCHAR": case "STRING": return (v) => { if (typeof v !== "string") bad(v, "a string"); };
    default: return () => {};
  }
}
function toWire(type, name) {
  if (NESTED.test(type)) return nestedToWire(type, name);
  const bad = badValue(type, name);
  switch (baseType(type)) {
    case "BIGINT": return (v) => {
      if (typeof v === "bigint") return v.toString();
      if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
      return bad(v, "a bigint or a safe integer number");
    };
    case "DECIMAL": return (v) => (typeof v === "string" || typeof v === "number" || typeof v === "bigint" ? String(v) : bad(v, "a decimal string or a number"));
    case "TIMESTAMP": case "TIMESTAMP_LTZ": return (v) => {
      if (v instanceof Date) return v.getTime();
      if (typeof v === "number") return v;
      return bad(v, "a Date or epoch milliseconds");
    };
    default: {
      const check = valueCheck(type, name);
      return (v) => { check(v); return v; };
    }
  }
}

// Binary batches (frames b / r; layout in README.md and BinaryRows.java): per value a presence byte (0 = null), then
// BOOLEAN u8; TINYINT, SMALLINT, INT i32; BIGINT i64; FLOAT, DOUBLE f64; TIMESTAMP* f64 epoch millis; anything else
// u32 length + UTF-8 text. Little-endian. Readers and writers move one shared cursor.
let at = 0;
function binReader(type) {
  if (NESTED.test(type)) { const js = nestedToJs(type); const text = binReader("STRING"); return (b) => js(text(b)); } // JSON text
  switch (baseType(type)) {
    case "BOOLEAN": return (b) => b[at++] !== 0;
    case "TINYINT": case "SMALLINT": case "INT": case "INTEGER": return (b) => { const v = b.readInt32LE(at); at += 4; return v; };
    case "BIGINT": return (b) => { const v = b.readBigInt64LE(at); at += 8; return v; };
    case "FLOAT": case "DOUBLE": return (b) => { const v = b.readDoubleLE(at); at += 8; return v; };
    case "TIMESTAMP": case "TIMESTAMP_LTZ": return (b) => { const v = b.readDoubleLE(at); at += 8; return new Date(v); };
    default: return (b) => { const n = b.readUInt32LE(at); const v = b.utf8Slice(at + 4, at + 4 + n); at += 4 + n; return v; };
  }
}
let out = Buffer.allocUnsafe(1 << 16);
let wat = 0;
/** Makes room for n more bytes of the answer being written; refuses to grow it past the frame limit. */
function room(n) {
  if (wat + n <= out.length) return;
  if (wat + n - 4 > MAX_FRAME_BYTES) throw new Error(tooBigMessage(wat + n - 4)); // the frame's length excludes its u32
  const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, wat + n));
  out.copy(bigger, 0, 0, wat);
  out = bigger;
}
function binWriter(type, name) {
  const bad = badValue(type, name);
  const check = valueCheck(type, name);
  const text = (s) => { room(4 + (wat + 4 + 3 * s.length - 4 > MAX_FRAME_BYTES ? Buffer.byteLength(s) : 3 * s.length)); const n = out.utf8Write(s, wat + 4); out.writeUInt32LE(n, wat); wat += 4 + n; };
  if (NESTED.test(type)) { const wire = nestedToWire(type, name); return (v) => text(JSON.stringify(wire(v))); }
  switch (baseType(type)) {
    case "BOOLEAN": return (v) => { check(v); room(1); out[wat++] = v ? 1 : 0; };
    case "TINYINT": case "SMALLINT": case "INT": case "INTEGER": return (v) => { check(v); room(4); out.writeInt32LE(v, wat); wat += 4; };
    case "BIGINT": return (v) => {
      let n;
      if (typeof v === "bigint") n = v;
      else if (typeof v === "number" && Number.isSafeInteger(v)) n = BigInt(v);
      else bad(v, "a bigint or a safe integer number");
      if (BigInt.asIntN(64, n) !== n) bad(v, "a 64-bit integer");
      room(8); out.writeBigInt64LE(n, wat); wat += 8;
    };
    case "FLOAT": case "DOUBLE": return (v) => { check(v); room(8); out.writeDoubleLE(v, wat); wat += 8; };
    case "TIMESTAMP": case "TIMESTAMP_LTZ": return (v) => {
      const ms = v instanceof Date ? v.getTime() : typeof v === "number" ? v : bad(v, "a Date or epoch milliseconds");
      if (!Number.isFinite(ms)) bad(v, "a valid Date");
      room(8); out.writeDoubleLE(ms, wat); wat += 8;
    };
    case "DECIMAL": return (v) => text(typeof v === "string" || typeof v === "number" || typeof v === "bigint" ? String(v) : bad(v, "a decimal string or a number"));
    default: return (v) => text(typeof v === "string" ? v : bad(v, "a string"));
  }
}
/** Writes one result object's output columns (missing or undefined = null). */
function writeRow(result, what) {
  const { outNames, outWrite } = udf;
  if (result === null || typeof result !== "object") {
    throw new TypeError(`${what} must return an object with columns ${JSON.stringify(outNames)}, got ${result === null ? "null" : typeof result}`);
  }
  for (let i = 0; i < outNames.length; i++) {
    const v = result[outNames[i]];
    if (v === undefined || v === null) { room(1); out[wat++] = 0; } else { room(1); out[wat++] = 1; outWrite[i](v); }
  }
}
/** What one input row writes, by kind: map → its output row, filter → keep, flatMap → u32 count + rows. */
const WRITE = {
  map: (fn, row) => writeRow(fn(row), "the UDF"),
  filter: (fn, row) => {
    const keep = fn(row);
    if (typeof keep !== "boolean") throw new TypeError(`the filter must return true or false, got ${keep === null ? "null" : typeof keep}`);
    room(2); out[wat++] = 1; out[wat++] = keep ? 1 : 0;
  },
  flatMap: (fn, row) => {
    const rows = fn(row);
    if (rows === null || typeof rows !== "object" || typeof rows[Symbol.iterator] !== "function") {
      throw new TypeError(`the flatMap must return an array (or iterable) of rows, got ${rows === null ? "null" : typeof rows}`);
    }
    room(4);
    const countAt = wat;
    wat += 4;
    let n = 0;
    for (const r of rows) { writeRow(r, "each row of the flatMap"); n++; }
    out.writeUInt32LE(n, countAt);
  },
};
/** A binary batch (frame b) → its answer (frame r), or an error frame for the first row whose call throws. */
function runBinaryBatch(body) {
  const { inNames, inRead, kind, fn } = udf;
  const write = WRITE[kind];
  at = 0;
  const count = body.readUInt32LE(0);
  at = 4;
  wat = 5; // frame head: u32 length + type
  room(4);
  out.writeUInt32LE(count, wat);
  wat += 4;
  for (let r = 0; r < count; r++) {
    const row = {};
    for (let i = 0; i < inNames.length; i++) row[inNames[i]] = body[at++] === 0 ? null : inRead[i](body);
    try {
      write(fn, row);
    } catch (e) {
      return fail(e, row);
    }
  }
  flushLogs();
  if (wat - 4 > MAX_FRAME_BYTES) return tooBig(wat - 4);
  out.writeUInt32BE(wat - 4, 0);
  out[4] = FRAME.ROWS_RESULT;
  writeOut(Buffer.from(out.subarray(0, wat))); // a copy: the next batch reuses `out`
  return true;
}

// Nested values: on the wire a ROW is a JSON array of its fields in order, an ARRAY an array, a MAP an array of
// [key, value] pairs (keys need not be strings), a MULTISET an array of [element, count] pairs; the UDF sees an
// object, an array and a Map (a MULTISET a Map of counts). Scalars inside convert as
// at the top level. The type text is Flink's (LogicalType#asSerializableString, or the IR's asSummaryString form).
function parseFlinkType(text) {
  const toks = text.match(/`(?:[^`]|``)*`|'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*|\d+|[<>(),]/g) ?? [];
  let i = 0;
  const word = (w) => toks[i] !== undefined && toks[i].toUpperCase() === w;
  const take = (t) => { if (toks[i] !== t) throw new Error(`cannot read type ${text}: expected ${t} at ${toks[i] ?? "the end"}`); i++; };
  function type() {
    let t;
    if (word("ROW")) {
      i++;
      const close = toks[i] === "(" ? ")" : ">";
      i++;
      const fields = [];
      while (toks[i] !== close) {
        if (fields.length) take(",");
        const n = toks[i++];
        const name = n.startsWith("`") ? n.slice(1, -1).replaceAll("``", "`") : n;
        fields.push({ name, type: type() });
        if (toks[i]?.startsWith("'")) i++; // a field description
      }
      i++;
      t = { root: "ROW", fields };
    } else if (word("ARRAY")) {
      i++; take("<"); t = { root: "ARRAY", element: type() }; take(">");
    } else if (word("MAP")) {
      i++; take("<"); const key = type(); take(","); t = { root: "MAP", key, value: type() }; take(">");
    } else if (word("MULTISET")) {
      // a MULTISET is a map of element → count, on the wire and for the UDF (a Map<T, number>)
      i++; take("<"); t = { root: "MAP", key: type(), value: { root: "INT", nullable: false } }; take(">");
    } else {
      const root = toks[i++].toUpperCase();
      if (toks[i] === "(") { while (toks[i] !== ")") i++; i++; }
      while (/^[A-Za-z]/.test(toks[i] ?? "") && !word("NOT") && !word("NULL")) i++; // WITH LOCAL TIME ZONE
      t = { root };
    }
    if (word("NOT")) { i += 2; t.nullable = false; } else { if (word("NULL")) i++; t.nullable = true; }
    return t;
  }
  return type();
}
function nestedToJs(typeText) {
  const conv = (t) => {
    switch (t.root) {
      case "ROW": {
        const names = t.fields.map((f) => f.name);
        const convs = t.fields.map((f) => conv(f.type));
        return (v) => {
          if (v === null) return null;
          const o = {};
          for (let k = 0; k < names.length; k++) o[names[k]] = convs[k](v[k]);
          return o;
        };
      }
      case "ARRAY": { const e = conv(t.element); return (v) => (v === null ? null : v.map(e)); }
      case "MAP": {
        const k = conv(t.key);
        const val = conv(t.value);
        return (v) => (v === null ? null : new Map(v.map((p) => [k(p[0]), val(p[1])])));
      }
      default: return toJs(t.root) ?? ((v) => v);
    }
  };
  const top = conv(parseFlinkType(typeText));
  // a frame may carry the nested value as its JSON text: a nested wire value itself is never a string
  return (v) => top(typeof v === "string" ? JSON.parse(v) : v);
}
function nestedToWire(typeText, name) {
  const conv = (t, path) => {
    const inner = (v, want) => { throw new TypeError(`column "${name}" (${typeText}) expects ${want} at ${path}, got ${v === null || v === undefined ? "null" : `${typeof v} ${String(v).slice(0, 80)}`}`); };
    const orNull = (f) => (v) => {
      if (v !== null && v !== undefined) return f(v);
      if (!t.nullable && path !== name) inner(v, "a value (the type is NOT NULL)");
      return null;
    };
    switch (t.root) {
      case "ROW": {
        const convs = t.fields.map((f) => conv(f.type, `${path}.${f.name}`));
        return orNull((v) => (typeof v === "object" && !Array.isArray(v) ? t.fields.map((f, k) => convs[k](v[f.name])) : inner(v, "an object")));
      }
      case "ARRAY": {
        const e = conv(t.element, `${path}[]`);
        return orNull((v) => (Array.isArray(v) ? v.map((x) => e(x)) : inner(v, "an array")));
      }
      case "MAP": {
        const k = conv(t.key, `${path} key`);
        const val = conv(t.value, `${path} value`);
        // a plain object stands for a map with string keys, as a JSON object would
        return orNull((v) => (v instanceof Map ? Array.from(v, ([a, b]) => [k(a), val(b)])
          : typeof v === "object" && !Array.isArray(v) ? Object.entries(v).map(([a, b]) => [k(a), val(b)]) : inner(v, "a Map")));
      }
      default: return orNull(toWire(t.root, path));
    }
  };
  return conv(parseFlinkType(typeText), name);
}

const jsonSafe = (row) => JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v instanceof Map ? Array.from(v) : v)));

let udf = null;
async function init(spec) {
  const mod = await import("data:text/javascript;base64," + Buffer.from(spec.code, "utf8").toString("base64"));
  const kind = spec.kind ?? "map";
  const fn = mod.default;
  if (typeof fn !== "function") throw new Error("the UDF module must `export default` a function");
  if (kind === "aggregate") {
    for (const f of ["create", "add"]) {
      if (typeof mod[f] !== "function") throw new Error(`an aggregate UDF must \`export function ${f}\``);
    }
  }
  udf = {
    kind, fn, mod,
    inNames: spec.inputColumns.map((c) => c.name),
    inConv: spec.inputColumns.map((c) => toJs(c.type)),
    outNames: spec.outputColumns.map((c) => c.name),
    outConv: spec.outputColumns.map((c) => toWire(c.type, c.name)),
    inRead: spec.inputColumns.map((c) => binReader(c.type)),
    outWrite: spec.outputColumns.map((c) => binWriter(c.type, c.name)),
  };
}

function toRow(values) {
  const { inNames, inConv } = udf;
  const row = {};
  for (let i = 0; i < inNames.length; i++) row[inNames[i]] = inConv[i] === null ? values[i] : inConv[i](values[i]);
  return row;
}

/** An object of output columns → its wire values, in outputColumns order. */
function toOut(result, what) {
  const { outNames, outConv } = udf;
  if (result === null || typeof result !== "object") {
    throw new TypeError(`${what} must return an object with columns ${JSON.stringify(outNames)}, got ${result === null ? "null" : typeof result}`);
  }
  const o = new Array(outNames.length);
  for (let i = 0; i < outNames.length; i++) {
    const v = result[outNames[i]];
    o[i] = v === undefined || v === null ? null : outConv[i](v);
  }
  return o;
}

/** What one input row answers, by kind: map → a row, filter → [boolean], flatMap → an array of rows. */
const ANSWER = {
  map: (fn, row) => toOut(fn(row), "the UDF"),
  filter: (fn, row) => {
    const keep = fn(row);
    if (typeof keep !== "boolean") throw new TypeError(`the filter must return true or false, got ${keep === null ? "null" : typeof keep}`);
    return [keep];
  },
  flatMap: (fn, row) => {
    const rows = fn(row);
    if (rows === null || typeof rows !== "object" || typeof rows[Symbol.iterator] !== "function") {
      throw new TypeError(`the flatMap must return an array (or iterable) of rows, got ${rows === null ? "null" : typeof rows}`);
    }
    return Array.from(rows, (r) => toOut(r, "each row of the flatMap"));
  },
};

/** RangeErrors of a Buffer, ArrayBuffer or WebAssembly memory the address-space cap refused. */
const OUT_OF_MEMORY = /allocation failed|could not allocate memory/i;
function fail(e, row) {
  flushLogs();
  const err = e instanceof Error ? e : new Error(String(e));
  const outOfMemory = err instanceof RangeError && OUT_OF_MEMORY.test(err.message);
  send(FRAME.ERROR, { message: `${err.name}: ${err.message}`, stack: String(err.stack ?? ""), row: row === null ? null : jsonSafe(row), outOfMemory });
  return false;
}
// An error thrown later (a rejected promise, a timer) fails the UDF like one thrown in a call, then the worker stops.
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, (e) => {
    try {
      failed = true;
      fail(e, null);
    } catch {
      exitNow(1);
    }
  });
}

/** Try it's batches answer after the promises and timers their calls started had a turn, so their errors show. */
async function runBatch(rows) {
  const answer = ANSWER[udf.kind];
  const out = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = toRow(rows[r]);
    try {
      out[r] = answer(udf.fn, row);
    } catch (e) {
      return fail(e, row);
    }
  }
  await new Promise((settle) => setTimeout(settle, 0));
  if (failed) return false; // an error thrown later was reported instead
  flushLogs();
  return send(FRAME.RESULT, out);
}

// Aggregates keep no state here: each request brings the accumulator (serialised, held in Flink state so that
// checkpoints capture it) and the rows buffered since, and takes the new accumulator back.
// Accumulators travel as JSON with bigint as {"$bigint": "…"} and Date as {"$date": ms}.
function saveAcc(acc) {
  return JSON.stringify(acc, function (k, v) {
    const raw = this[k];
    if (raw instanceof Date) return { $date: raw.getTime() };
    return typeof v === "bigint" ? { $bigint: v.toString() } : v;
  }) ?? "null";
}
function loadAcc(text) {
  return JSON.parse(text, (_k, v) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === "$bigint") return BigInt(v.$bigint);
      if (keys.length === 1 && keys[0] === "$date") return new Date(v.$date);
    }
    return v;
  });
}
function fold(state, rows) {
  const { mod } = udf;
  let acc = state === null || state === undefined ? mod.create() : loadAcc(state);
  for (const values of rows ?? []) {
    const row = toRow(values);
    try {
      const next = mod.add(acc, row);
      if (next !== undefined) acc = next;
    } catch (e) {
      e.udfRow = row;
      throw e;
    }
  }
  return acc;
}
/** {state, rows, merge?: [{state, rows}], result: boolean} → {state, result: [values] | null} */
function runAggregate(req) {
  try {
    let acc = fold(req.state, req.rows);
    for (const other of req.merge ?? []) {
      if (typeof udf.mod.merge !== "function") {
        throw new Error("this aggregate is used where accumulators merge (hop, session or cumulate windows): `export function merge(a, b)`");
      }
      const m = udf.mod.merge(acc, fold(other.state, other.rows));
      if (m !== undefined) acc = m;
    }
    const result = req.result ? toOut(udf.fn(acc), "the aggregate's result function") : null;
    flushLogs();
    return send(FRAME.RESULT, { state: saveAcc(acc), result });
  } catch (e) {
    return fail(e, e?.udfRow ?? null);
  }
}

// Frame reader: [u32 BE length][type byte][body], length counting the type byte; bodies are JSON except frame b's.
let chunks = [];
let buffered = 0;
let pending = Buffer.alloc(0);
let busy = Promise.resolve();
let failed = false;
process.stdin.on("data", (chunk) => {
  chunks.push(chunk);
  buffered += chunk.length;
  busy = busy.then(drain);
});
/** Joins what arrived only once a whole frame is there (a 100 KB batch comes in 64 KB chunks). */
function frameReady() {
  for (;;) {
    if (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) return true;
    if (chunks.length === 0) return false;
    const need = pending.length >= 4 ? 4 + pending.readUInt32BE(0) : 4;
    if (pending.length + buffered < need) return false;
    pending = pending.length === 0 && chunks.length === 1 ? chunks[0] : Buffer.concat([pending, ...chunks]);
    chunks = [];
    buffered = 0;
  }
}
async function drain() {
  while (!failed && frameReady()) {
    const len = pending.readUInt32BE(0);
    const type = pending[4];
    const raw = pending.subarray(5, 4 + len);
    pending = pending.subarray(4 + len);
    if (type === FRAME.ROWS) {
      failed = !runBinaryBatch(raw);
      continue;
    }
    const body = JSON.parse(raw.toString("utf8"));
    if (type === FRAME.BATCH) failed = !(await runBatch(body));
    else if (type === FRAME.AGGREGATE) failed = !runAggregate(body);
    else if (type === FRAME.INIT) await init(body).then(() => send(FRAME.READY, {}), (e) => {
      failed = true;
      send(FRAME.ERROR, { message: `could not load the UDF: ${e?.message ?? e}`, stack: String(e?.stack ?? ""), row: null });
    });
  }
}
process.stdin.on("end", () => exitNow(0));
