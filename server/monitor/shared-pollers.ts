// One poller per key shared by every subscriber; it starts with the first subscriber and stops with the last.
export type Tick<T> = (key: string, previous: T | undefined) => Promise<T>;

type Entry<T> = { listeners: Set<(v: T) => void>; timer: NodeJS.Timeout | null; latest?: T };

export class SharedPollers<T> {
  private entries = new Map<string, Entry<T>>();

  constructor(
    private readonly tick: Tick<T>,
    private readonly intervalMs: number,
    private readonly hooks: { onStop?: (key: string) => void; onError?: (e: unknown) => void } = {},
  ) {}

  /** Calls `fn` with every value for `key` (the latest one at once, if any); returns the unsubscribe function. */
  subscribe(key: string, fn: (v: T) => void): () => void {
    let e = this.entries.get(key);
    if (!e) {
      e = { listeners: new Set(), timer: null };
      this.entries.set(key, e);
      e.listeners.add(fn);
      void this.run(key, e);
    } else {
      e.listeners.add(fn);
      if (e.latest !== undefined) fn(e.latest);
    }
    const entry = e;
    return () => {
      entry.listeners.delete(fn);
      if (entry.listeners.size > 0 || this.entries.get(key) !== entry) return;
      if (entry.timer) clearTimeout(entry.timer);
      this.entries.delete(key);
      this.hooks.onStop?.(key);
    };
  }

  /** keys that have a poller now */
  active(): string[] {
    return [...this.entries.keys()];
  }

  latest(key: string): T | undefined {
    return this.entries.get(key)?.latest;
  }

  dispose(): void {
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.entries.clear();
  }

  private async run(key: string, e: Entry<T>): Promise<void> {
    e.timer = null;
    if (this.entries.get(key) !== e) return;
    try {
      e.latest = await this.tick(key, e.latest);
      for (const fn of [...e.listeners]) fn(e.latest);
    } catch (err) {
      this.hooks.onError?.(err);
    }
    // the last subscriber may have left while the tick ran
    if (this.entries.get(key) === e) e.timer = setTimeout(() => void this.run(key, e), this.intervalMs);
  }
}

/** A subscription as an async generator for tRPC: yields the newest value, skipping any a slow reader missed. */
export async function* streamOf<T>(pollers: SharedPollers<T>, key: string, signal?: AbortSignal): AsyncGenerator<T> {
  let pending: T | undefined;
  let wake: (() => void) | null = null;
  const off = pollers.subscribe(key, (v) => {
    pending = v;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    while (!signal?.aborted) {
      if (pending === undefined) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (signal?.aborted) return;
      if (pending === undefined) continue;
      const v = pending;
      pending = undefined;
      yield v;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    off();
  }
}
