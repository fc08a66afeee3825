// Try it for a TS map, filter or flatMap node: its function on sample rows of its input (a preview of the upstream
// node) and on rows typed by hand, input and output side by side; a map's row can be pinned as a test case, saved in
// the node's config.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toGraph } from "@/components/canvas/store";
import { useCanvas, useCanvasStoreApi } from "@/components/canvas/store-context";
import { useValidation } from "@/components/canvas/validation";
import { describeError } from "@/components/monitor/describe-error";
import { useTRPC } from "@/components/trpc/client";
import type { UdfTestCase } from "@/pipeline/kinds/ts-map.node.ts";
import { formatType } from "@/pipeline/types";
import { udfInputColumns } from "@/pipeline/udf/declarations";
import { parseCell } from "@/pipeline/udf/wire-values";

type Row = Record<string, unknown>;
const show = (v: unknown) => (v === null || v === undefined ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v));

export function UdfTryIt({ nodeId }: { nodeId: string }) {
  const trpc = useTRPC();
  const canvas = useCanvasStoreApi();
  const pinnable = useCanvas((s) => s.nodes.find((n) => n.id === nodeId)?.data.kind === "ts-map");
  const tests = useCanvas((s) => (s.nodes.find((n) => n.id === nodeId)?.data.config.tests ?? []) as UdfTestCase[]);
  const source = useCanvas((s) => s.edges.find((e) => e.target === nodeId)?.source);
  const inputType = useValidation().rowTypes[source ?? ""];
  const columns = udfInputColumns(inputType ?? []).map((c) => ({ name: c.name, type: formatType(c.type) }));
  const tryM = useMutation(trpc.preview.tryUdf.mutationOptions());
  const testM = useMutation(trpc.preview.testUdfs.mutationOptions());
  const [sample, setSample] = useState<Row[] | null>(null);
  const [manual, setManual] = useState<Row[]>([]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [draftError, setDraftError] = useState<string | null>(null);

  const run = async (rows: Row[], fresh: boolean) => {
    const r = await tryM.mutateAsync({ graph: toGraph(canvas.getState()), nodeId, sample: fresh ? 10 : 0, rows: fresh ? rows : [...(sample ?? []), ...rows] });
    if (fresh) setSample(r.sampleRows);
  };
  const setTests = (next: UdfTestCase[]) => {
    const node = canvas.getState().nodes.find((n) => n.id === nodeId);
    if (node) canvas.getState().updateConfig(nodeId, { ...node.data.config, tests: next });
  };
  const addRow = () => {
    const row: Row = {};
    for (const c of columns) {
      const p = parseCell(c.type, draft[c.name] ?? "");
      if (!p.ok) return setDraftError(`${c.name}: ${p.message}`);
      row[c.name] = p.value;
    }
    setDraftError(null);
    setDraft({});
    const next = [...manual, row];
    setManual(next);
    void run(next.slice(-1), false).catch(() => {});
  };
  const result = tryM.data;
  const outCols = result?.outputColumns ?? [];

  return (
    <section className="sc-try" data-testid="udf-try">
      <div className="sc-try__bar">
        <strong>Try it</strong>
        <button type="button" className="sc-button" data-testid="udf-try-button" disabled={tryM.isPending}
          onClick={() => void run(manual, true).catch(() => {})}>
          {tryM.isPending ? "Running…" : "Try it"}
        </button>
        {result && <span className="sc-muted">{result.sampleCount} sample + {result.typedCount} typed rows</span>}
      </div>
      {tryM.error && <pre className="sc-alert sc-alert--bad" data-testid="udf-try-error">{describeError(tryM.error)}</pre>}
      {result?.sampleError && <pre className="sc-alert sc-alert--bad">{result.sampleError}</pre>}
      {result?.error && (
        <pre className="sc-alert sc-alert--bad" data-testid="udf-try-error">{[result.error.message, ...result.error.stack, result.error.row ? `input row: ${JSON.stringify(result.error.row)}` : ""].filter(Boolean).join("\n")}</pre>
      )}
      {result && (
        // one card per row, input beside output, so both stay readable at the inspector's width (a wide table did not)
        <div className="sc-try__rows" data-testid="udf-try-table">
          {result.rows.map((r, i) => (
            <div key={i} className="sc-try__row" data-testid="udf-try-row">
              <dl className="sc-try__side">
                {result.inputColumns.map((c) => (
                  <Cell key={c.name} name={c.name} type={c.type} testId={`udf-in-${c.name}`} value={show(r.input[c.name])} />
                ))}
              </dl>
              <span className="sc-try__arrow" aria-hidden>⇒</span>
              <dl className="sc-try__side sc-try__out">
                {outCols.map((c) => (
                  <Cell key={c.name} name={c.name} type={c.type} testId={`udf-out-${c.name}`} value={r.output ? show(r.output[c.name]) : "—"} />
                ))}
                {!r.output && outCols.length === 0 && <dd className="sc-muted">no output</dd>}
              </dl>
              {pinnable && r.output && (
                <button type="button" className="sc-button sc-button--ghost sc-try__pin" data-testid="udf-pin" title="Pin this output as an expected result"
                  onClick={() => setTests([...tests, { input: r.input, expected: r.output! }])}>Pin</button>
              )}
            </div>
          ))}
        </div>
      )}
      {columns.length > 0 && (
        <div className="sc-try__add" data-testid="udf-add-row-form">
          {columns.map((c) => (
            <input key={c.name} className="sc-input" placeholder={`${c.name} (${c.type})`} aria-label={c.name} data-testid={`udf-add-${c.name}`}
              value={draft[c.name] ?? ""} onChange={(e) => setDraft({ ...draft, [c.name]: e.target.value })} />
          ))}
          <button type="button" className="sc-button" data-testid="udf-add-row" onClick={addRow} disabled={tryM.isPending}>Add row</button>
          {draftError && <span className="sc-field__error">{draftError}</span>}
        </div>
      )}
      {pinnable && <PinnedTests tests={tests} onChange={setTests} outcome={testM.data?.find((n) => n.nodeId === nodeId)}
        running={testM.isPending} onRun={() => testM.mutate({ graph: toGraph(canvas.getState()) })} error={testM.error ? describeError(testM.error) : null} />}
    </section>
  );
}

/** One column of a Try it row: its name (type on hover) above its value. */
function Cell({ name, type, value, testId }: { name: string; type: string; value: string; testId: string }) {
  return (
    <div className="sc-try__cell">
      <dt title={type}>{name}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

type Outcome = { cases: { index: number; pass: boolean; diffs: { column: string; expected?: unknown; actual?: unknown }[] }[]; error: string | null };

function PinnedTests(p: { tests: UdfTestCase[]; onChange(t: UdfTestCase[]): void; outcome?: Outcome; running: boolean; onRun(): void; error: string | null }) {
  if (p.tests.length === 0) return <p className="sc-muted" data-testid="udf-tests-empty">No pinned tests. Pin an output row above to keep it as a test.</p>;
  return (
    <div className="sc-try__tests" data-testid="udf-tests">
      <div className="sc-try__bar">
        <strong>Pinned tests ({p.tests.length})</strong>
        <button type="button" className="sc-button" data-testid="udf-run-tests" disabled={p.running} onClick={p.onRun}>Run tests</button>
      </div>
      {p.error && <pre className="sc-alert sc-alert--bad">{p.error}</pre>}
      {p.outcome?.error && <pre className="sc-alert sc-alert--bad" data-testid="udf-tests-error">{p.outcome.error}</pre>}
      <ol className="sc-try__cases">
        {p.tests.map((t, i) => {
          const c = p.outcome?.cases.find((x) => x.index === i);
          return (
            <li key={i} data-testid="udf-test-case" data-result={c ? (c.pass ? "pass" : "fail") : "not-run"}>
              <code>{JSON.stringify(t.input)}</code> ⇒ <code>{JSON.stringify(t.expected)}</code>
              {c && (c.pass ? <span className="sc-try__pass"> ✓</span> : <span className="sc-field__error"> ✗ {c.diffs.map((d) => `${d.column}: expected ${show(d.expected)}, got ${show(d.actual)}`).join("; ")}</span>)}
              <button type="button" className="sc-button sc-button--ghost" data-testid="udf-test-remove" title="Remove this test"
                onClick={() => p.onChange(p.tests.filter((_, j) => j !== i))}>✕</button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
