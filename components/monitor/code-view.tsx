// The current graph as code: the Java Table API program and Flink SQL the runner's calls correspond to, and the IR.
"use client";
import { useMemo, useState } from "react";
import { toGraph } from "@/components/canvas/store";
import { useCanvas, useCanvasStoreApi } from "@/components/canvas/store-context";
import { useValidation } from "@/components/canvas/validation";
import { printJava, printSql } from "@/pipeline/codegen";
import { compile } from "@/pipeline/compile";
import { runSettingsToFlink } from "@/pipeline/run-settings";

const LANGS = [
  { id: "java", label: "Java (Table API)" },
  { id: "sql", label: "Flink SQL" },
  { id: "ir", label: "IR (JSON)" },
] as const;
type Lang = (typeof LANGS)[number]["id"];

export function CodeView() {
  const store = useCanvasStoreApi();
  // Validation changes exactly when the structure does, so it doubles as the trigger to regenerate.
  const validation = useValidation();
  const settings = useCanvas((s) => s.settings);
  const [lang, setLang] = useState<Lang>("java");
  const code = useMemo(() => {
    if (validation.errors.length) return null;
    try {
      const r = compile(toGraph(store.getState()));
      if (!r.ok) return null;
      if (lang === "ir") return JSON.stringify(r.program, null, 2);
      // the run settings' Flink options, as a run sets them, so the printed program runs as the job does
      const program = { ...r.program, config: { ...r.program.config, ...runSettingsToFlink(settings) } };
      return lang === "java" ? printJava(program) : printSql(program, validation.rowTypes);
    } catch (e) {
      return `// could not generate: ${(e as Error).message}`;
    }
  }, [store, validation, lang, settings]);

  return (
    <div className="sc-code" data-testid="code-view">
      <div className="sc-code__bar">
        {LANGS.map((l) => (
          <button key={l.id} type="button" data-testid={`code-lang-${l.id}`}
            className={`sc-seg${lang === l.id ? " is-active" : ""}`} onClick={() => setLang(l.id)}>{l.label}</button>
        ))}
        {code && (
          <button type="button" className="sc-button sc-button--small sc-code__copy" data-testid="code-copy"
            onClick={() => void navigator.clipboard?.writeText(code)}>Copy</button>
        )}
      </div>
      {code === null ? (
        <p className="sc-muted">Fix the pipeline&apos;s errors to see its code.</p>
      ) : (
        <pre className="sc-code__text" data-testid="code-text">{code}</pre>
      )}
    </div>
  );
}
