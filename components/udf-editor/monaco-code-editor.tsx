// The Monaco half of the UDF code field, in its own chunk: TypeScript diagnostics with the server's compiler options,
// `Input` and the allowlisted libraries as extra libs, node errors as markers, edits pushed to the store debounced.
"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type * as M from "monaco-editor";
import { useTRPC } from "@/components/trpc/client";
import { UDF_FILES } from "@/pipeline/udf/compiler-options";
import { udfGlobals } from "@/pipeline/udf/declarations";
import { importProblems } from "@/pipeline/udf/import-sites";
import { loadMonaco, type Monaco } from "./load-monaco";
import { errorMarkers, sameMarker, type MarkerRange } from "./markers";
import type { UdfCodeFieldProps } from "./udf-code-field";

/** Typing pauses this long before the store (and so row types on edges, autosave) sees the code. */
const DEBOUNCE_MS = 250;
const OWNER = "streamcanvas";
/** The owner of the markers Monaco's TypeScript worker sets: its language id. */
const TS_OWNER = "typescript";
const themeOf = () => (document.documentElement.dataset.theme === "dark" ? "vs-dark" : "vs");

type Live = { monaco: Monaco; editor: M.editor.IStandaloneCodeEditor; model: M.editor.ITextModel };

export default function MonacoCodeEditor({ nodeId, path, value, onChange, inputRowType, errors }: UdfCodeFieldProps) {
  const trpc = useTRPC();
  const libraries = useQuery({ ...trpc.udf.libraries.queryOptions(), staleTime: Infinity });
  const host = useRef<HTMLDivElement>(null);
  const live = useRef<Live | null>(null);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [failure, setFailure] = useState("");
  const [problems, setProblems] = useState<{ line: number; message: string }[]>([]);
  // Monaco's own TypeScript errors, kept to leave out node errors that repeat one of them (the server's compiler finds
  // the same ones): each error is one marker and counts once
  const [ownMarkers, setOwnMarkers] = useState<{ key: string; markers: MarkerRange[] }>({ key: "[]", markers: [] });
  const errorCount = problems.length;

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    const flush = () => {
      clearTimeout(pending.current);
      pending.current = undefined;
      const code = live.current?.model.getValue();
      if (code !== undefined && code !== latest.current.value) latest.current.onChange(code);
    };
    loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const uri = monaco.Uri.parse(`file:///udf/${encodeURIComponent(nodeId)}/${path}.ts`);
      monaco.editor.getModel(uri)?.dispose();
      const model = monaco.editor.createModel(latest.current.value, "typescript", uri);
      const editor = monaco.editor.create(host.current, {
        model, theme: themeOf(), automaticLayout: true, minimap: { enabled: false }, fontSize: 12.5, tabSize: 2,
        scrollBeyondLastLine: false, lineNumbersMinChars: 3, fixedOverflowWidgets: true, renderLineHighlight: "none",
      });
      const subs = [
        model.onDidChangeContent(() => {
          clearTimeout(pending.current);
          pending.current = setTimeout(flush, DEBOUNCE_MS);
        }),
        editor.onDidBlurEditorText(flush),
        monaco.editor.onDidChangeMarkers((uris) => {
          if (!uris.some((u) => u.toString() === uri.toString())) return;
          const errs = monaco.editor.getModelMarkers({ resource: uri }).filter((m) => m.severity === monaco.MarkerSeverity.Error);
          setProblems(errs.sort((a, b) => a.startLineNumber - b.startLineNumber).map((m) => ({ line: m.startLineNumber, message: m.message })));
          const own = errs.filter((m) => m.owner === TS_OWNER)
            .map(({ startLineNumber, startColumn, endLineNumber, endColumn, message }) => ({ startLineNumber, startColumn, endLineNumber, endColumn, message }));
          const key = JSON.stringify(own);
          setOwnMarkers((prev) => (prev.key === key ? prev : { key, markers: own }));
        }),
      ];
      const themes = new MutationObserver(() => monaco.editor.setTheme(themeOf()));
      themes.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
      live.current = { monaco, editor, model };
      setState("ready");
      cleanup = () => {
        flush();
        subs.forEach((s) => s.dispose());
        themes.disconnect();
        editor.dispose();
        model.dispose();
        live.current = null;
      };
    }, (e: unknown) => {
      if (disposed) return;
      setFailure(e instanceof Error ? e.message : String(e));
      setState("failed");
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [nodeId, path]);

  // `Input` for this node's upstream row type, and the libraries' declarations: the same texts the server checks with.
  useEffect(() => {
    if (state !== "ready" || !live.current) return;
    live.current.monaco.typescript.typescriptDefaults.setExtraLibs([
      { filePath: `file://${UDF_FILES.globals}`, content: udfGlobals(inputRowType ?? []) },
      ...(libraries.data ? [{ filePath: `file://${UDF_FILES.libraries}`, content: libraries.data.declarations }] : []),
    ]);
  }, [state, inputRowType, libraries.data]);

  // The store's code changed without this editor (undo, a reloaded draft): show it, keeping the editor's own undo.
  useEffect(() => {
    const l = live.current;
    if (state !== "ready" || !l || pending.current || l.model.getValue() === value) return;
    l.model.pushEditOperations([], [{ range: l.model.getFullModelRange(), text: value }], () => null);
  }, [state, value]);

  useEffect(() => {
    const l = live.current;
    if (state !== "ready" || !l) return;
    // the node's errors (validator, server) and, as typed, imports outside the allowlist, worded as the server words them
    const imports = importProblems(value).map((p) => ({ nodeId, field: path, span: { start: p.start, end: p.end }, message: p.message }));
    const markers = errorMarkers([...errors, ...imports], path, value)
      .filter((m) => !ownMarkers.markers.some((o) => sameMarker(o, m)))
      .map((m) => ({ ...m, severity: l.monaco.MarkerSeverity.Error, source: "StreamCanvas" }));
    l.monaco.editor.setModelMarkers(l.model, OWNER, markers);
  }, [state, errors, path, value, nodeId, ownMarkers]);

  if (state === "failed") {
    // Editing must not depend on Monaco: without it, a plain code box (the server still type-checks on Run).
    return (
      <>
        <span className="sc-field__error" data-testid="udf-editor-failed">The code editor could not load ({failure}); a plain text box is shown instead.</span>
        <textarea className="sc-input sc-input--mono sc-code" data-testid={`field-${path}`} rows={14} value={value}
          spellCheck={false} autoComplete="off" wrap="off" onChange={(e) => onChange(e.target.value)} />
      </>
    );
  }
  return (
    <>
      <div ref={host} className="sc-udf-editor__host" data-testid="udf-editor" data-state={state} data-error-count={errorCount} />
      <span className={`sc-udf-editor__status${errorCount ? " has-errors" : ""}`} data-testid="udf-editor-status">
        {state === "loading" ? "Loading the editor…" : errorCount
          ? `${errorCount} error${errorCount === 1 ? "" : "s"}; line ${problems[0]!.line}: ${problems[0]!.message}` : "No errors"}
      </span>
    </>
  );
}
