// Previews on the server: one at a time per key (a pipeline's editor tab), the older one cancelled when a newer one
// starts; events buffered per preview so a watcher that connects late misses nothing; the last watcher leaving cancels it.
import { randomUUID } from "node:crypto";
import { EventEmitter, on } from "node:events";
import type { GraphError, PipelineGraph } from "@/pipeline/graph";
import type { RunnerClient } from "@/server/runner/client";
import { GraphCompileError, PreviewNotFound } from "@/server/errors";
import { type PreviewOptions, type PreviewProgress, type PreviewResult, runPreview } from "./run-preview";

export type PreviewEvent =
  | { type: "progress"; progress: PreviewProgress }
  | { type: "result"; result: PreviewResult }
  | { type: "invalid"; errors: GraphError[] }
  | { type: "failed"; message: string };

const isFinal = (e: PreviewEvent) => e.type !== "progress";

type Session = { id: string; key: string; ac: AbortController; events: PreviewEvent[]; watchers: number; done: Promise<void> };

export class PreviewService {
  private readonly sessions = new Map<string, Session>();
  private readonly byKey = new Map<string, Session>();
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  constructor(private readonly client: () => Promise<RunnerClient>, private readonly defaults: PreviewOptions = {}) {}

  /** Starts a preview of `nodeId`; a preview still running under the same key is cancelled (and awaited) first. */
  async start(input: { key: string; graph: PipelineGraph; nodeId: string } & PreviewOptions): Promise<{ previewId: string }> {
    const old = this.byKey.get(input.key);
    if (old) {
      old.ac.abort("superseded");
      await old.done;
    }
    const s: Session = { id: randomUUID(), key: input.key, ac: new AbortController(), events: [], watchers: 0, done: Promise.resolve() };
    this.sessions.set(s.id, s);
    this.byKey.set(s.key, s);
    s.done = this.execute(s, input).finally(() => {
      if (this.byKey.get(s.key) === s) this.byKey.delete(s.key);
      // keep a finished preview around briefly for a watcher that has not connected yet
      setTimeout(() => this.sessions.delete(s.id), 60_000).unref();
    });
    return { previewId: s.id };
  }

  /** Every event of the preview so far, then the new ones, until its final event; leaving early cancels it. */
  async *watch(previewId: string, signal?: AbortSignal): AsyncGenerator<PreviewEvent> {
    const s = this.sessions.get(previewId);
    if (!s) throw new PreviewNotFound(`no preview ${previewId}`);
    s.watchers++;
    const ac = new AbortController();
    const onAbort = () => ac.abort();
    signal?.addEventListener("abort", onAbort);
    const live = on(this.emitter, s.id, { signal: ac.signal });
    let seen = 0;
    try {
      for (; seen < s.events.length; seen++) {
        yield s.events[seen]!;
        if (isFinal(s.events[seen]!)) return;
      }
      for await (const [e] of live) {
        seen++;
        yield e as PreviewEvent;
        if (isFinal(e as PreviewEvent)) return;
      }
    } catch (e) {
      if ((e as Error).name !== "AbortError") throw e;
    } finally {
      signal?.removeEventListener("abort", onAbort);
      ac.abort();
      if (--s.watchers === 0 && !s.events.some(isFinal)) s.ac.abort("disconnected");
    }
  }

  /** Cancels every preview (server shutdown, tests) and waits until their jobs have ended. */
  async dispose(): Promise<void> {
    const all = [...this.sessions.values()];
    for (const s of all) s.ac.abort("disposed");
    await Promise.all(all.map((s) => s.done));
  }

  private async execute(s: Session, input: { graph: PipelineGraph; nodeId: string } & PreviewOptions): Promise<void> {
    const emit = (e: PreviewEvent) => {
      s.events.push(e);
      this.emitter.emit(s.id, e);
    };
    try {
      const client = await this.client();
      const result = await runPreview(client, input.graph, input.nodeId, {
        ...this.defaults, ...strip(input), target: input.target, dataRoot: this.defaults.dataRoot, signal: s.ac.signal, onProgress: (progress) => emit({ type: "progress", progress }),
      });
      emit({ type: "result", result });
    } catch (e) {
      if (e instanceof GraphCompileError) emit({ type: "invalid", errors: e.graphErrors });
      else emit({ type: "failed", message: (e as Error).message });
    }
  }
}

const strip = (o: PreviewOptions): PreviewOptions =>
  Object.fromEntries(Object.entries({ rows: o.rows, sourceRows: o.sourceRows, seconds: o.seconds }).filter(([, v]) => v !== undefined));
