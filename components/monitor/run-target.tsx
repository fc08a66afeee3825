// The run panel's choice of Flink cluster for the next run and preview: the default (the embedded cluster, or
// STREAMCANVAS_FLINK_URL's), the embedded one, or a stored target. Kept for the browser tab, across pipelines.
"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { create } from "zustand";
import { useTRPC } from "@/components/trpc/client";

/** null: the server's default target */
export const useRunTarget = create<{ target: string | null; set(target: string | null): void }>((set) => ({
  target: null,
  set: (target) => set({ target }),
}));

export function RunTargetSelect({ disabled }: { disabled: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.targets.list.queryOptions());
  const { target, set } = useRunTarget();
  const envDefault = list.data?.default ?? null;
  const known = !target || target === "embedded" || list.data?.targets.some((t) => t.name === target);
  return (
    <label className="sc-runopts" title="The Flink cluster the next Run and Preview go to (Targets page: add, test)">
      on <select data-testid="run-target" value={target ?? ""} disabled={disabled} onChange={(e) => set(e.target.value || null)}>
        <option value="">{envDefault ? `default (${envDefault})` : "embedded (default)"}</option>
        {envDefault && <option value="embedded">embedded</option>}
        {list.data?.targets.map((t) => <option key={t.name} value={t.name}>{t.name} ({t.url})</option>)}
        {!known && <option value={target!}>{target} (removed)</option>}
      </select>
      <Link href="/targets" className="sc-muted" data-testid="run-targets-link" title="Flink targets"> ⚙</Link>
    </label>
  );
}
