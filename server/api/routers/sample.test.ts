// sample.proposeColumns through createCaller: a CSV with a header, a folder's first file, JSON lines, and the data
// root's rules (nothing outside it is read).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeHarness, type Harness } from "../testing/harness";

let h: Harness;
let root: string;
beforeEach(() => {
  h = makeHarness();
  root = h.services.dataRoot;
  fs.mkdirSync(path.join(root, "in", "folder"), { recursive: true });
});
afterEach(() => h.close());

describe("sample.proposeColumns", () => {
  it("proposes names from a header line and types from the rows", async () => {
    fs.writeFileSync(path.join(root, "in", "orders.csv"), 'order id,customer,amount,at\n1,"Stone,Carla",12.50,2024-03-01 10:00:00\n2,bob,7,2024-03-01 10:00:02\n');
    const r = await h.caller.sample.proposeColumns({ from: "data-file", path: "in/orders.csv", format: "csv", header: true });
    expect(r).toEqual({ ok: true, proposal: {
      columns: [{ name: "order id", type: "BIGINT" }, { name: "customer", type: "STRING" }, { name: "amount", type: "DOUBLE" }, { name: "at", type: "TIMESTAMP(3)" }],
      rows: [["1", "Stone,Carla", "12.50", "2024-03-01 10:00:00"], ["2", "bob", "7", "2024-03-01 10:00:02"]],
      source: "in/orders.csv, first 2 rows after the header",
    } });
    const plain = await h.caller.sample.proposeColumns({ from: "data-file", path: "in/orders.csv", format: "csv", header: false });
    expect(plain.ok && plain.proposal.columns.map((c) => `${c.name} ${c.type}`)).toEqual(["col_1 STRING", "col_2 STRING", "col_3 STRING", "col_4 STRING"]);
  });

  it("samples a folder's first file by name, with the delimiter given, and JSON lines by key", async () => {
    fs.writeFileSync(path.join(root, "in", "folder", "b.csv"), "x;y\n");
    fs.writeFileSync(path.join(root, "in", "folder", "a.csv"), "1;true\n2;false");
    const r = await h.caller.sample.proposeColumns({ from: "data-file", path: "in/folder", format: "csv", fieldDelimiter: ";" });
    expect(r).toMatchObject({ ok: true, proposal: { columns: [{ name: "col_1", type: "BIGINT" }, { name: "col_2", type: "BOOLEAN" }], source: "in/folder/a.csv, first 2 rows" } });
    fs.writeFileSync(path.join(root, "in", "events.jsonl"), '{"id": 1, "at": "2024-01-01"}\n{"id": 2, "tags": ["a"]}\n');
    const j = await h.caller.sample.proposeColumns({ from: "data-file", path: "in/events.jsonl", format: "json" });
    expect(j.ok && j.proposal.columns).toEqual([{ name: "id", type: "BIGINT" }, { name: "at", type: "DATE" }, { name: "tags", type: "STRING" }]);
  });

  it("reads nothing outside the data root, and says what is wrong on which field", async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "sc-outside-"));
    fs.writeFileSync(path.join(outside, "secret.csv"), "a,b\n");
    fs.symlinkSync(outside, path.join(root, "link out"));
    for (const p of ["../secret.csv", outside, "link out/secret.csv"]) {
      const r = await h.caller.sample.proposeColumns({ from: "data-file", path: p, format: "csv" });
      expect(r).toMatchObject({ ok: false, field: "path", message: expect.stringMatching(/outside the data root|absolute/) });
    }
    expect(await h.caller.sample.proposeColumns({ from: "data-file", path: "in/none.csv", format: "csv" }))
      .toMatchObject({ ok: false, field: "path", message: expect.stringContaining("does not exist") });
    fs.writeFileSync(path.join(root, "in", "bad.jsonl"), "not json\n");
    expect(await h.caller.sample.proposeColumns({ from: "data-file", path: "in/bad.jsonl", format: "json" }))
      .toMatchObject({ ok: false, field: "format", message: expect.stringContaining("in/bad.jsonl, line 1: not JSON") });
  });
});
