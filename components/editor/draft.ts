// Local drafts in localStorage: every edit lands here first, so a server or tab crash loses nothing.
import { PipelineGraphSchema, type PipelineGraph } from "@/pipeline/graph";

export type Draft = { graph: PipelineGraph; baseRevision: number; savedAt: number };

const key = (id: string) => `streamcanvas:draft:${id}`;

export function readDraft(id: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(id));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    // A draft written by an older or broken build is dropped rather than loaded half-valid.
    const graph = PipelineGraphSchema.safeParse(d.graph);
    return graph.success && typeof d.savedAt === "number" ? { ...d, graph: graph.data } : null;
  } catch {
    return null;
  }
}

export function writeDraft(id: string, d: Draft) {
  try {
    localStorage.setItem(key(id), JSON.stringify(d));
  } catch {
    // Storage full or disabled: the server save still runs; nothing else to do here.
  }
}

export function clearDraft(id: string) {
  try {
    localStorage.removeItem(key(id));
  } catch {
    /* see writeDraft */
  }
}

export function toMillis(t: unknown): number {
  if (typeof t === "number") return t;
  if (typeof t === "string" || t instanceof Date) return new Date(t).getTime();
  return 0;
}
