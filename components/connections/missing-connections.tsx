// After an import that names connections this server lacks: which to create, and how, before the pipeline can run.
"use client";
import Link from "next/link";
import type { ReactNode } from "react";

export function MissingConnections({ missing, children }: { missing: string[]; children?: ReactNode }) {
  const one = missing.length === 1;
  return (
    <div className="sc-alert" data-testid="import-missing-connections" data-missing={missing.join(",")}>
      This pipeline uses {one ? "a connection" : "connections"} this server does not have:{" "}
      {missing.map((m, i) => <span key={m}>{i > 0 && ", "}<code>{m}</code></span>)}. Create {one ? "it" : "them"} on the{" "}
      <Link href="/connections" data-testid="import-connections-link">Connections page</Link> (or{" "}
      <code>npx streamcanvas connections add {missing[0]} --kind kafka …</code>) before running it. {children}
    </div>
  );
}
