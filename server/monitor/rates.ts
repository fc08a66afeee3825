// Per-second rates from Flink's counters: the counter's growth over the last few seconds of samples.
// Flink's own *PerSecond meters average over 60 s and update every 5 s; counters are fresher.

export class RateWindow {
  private samples: { t: number; v: number }[] = [];
  constructor(private readonly spanMs = 5_000) {}

  /** Adds a counter sample; a counter that went backwards (a restarted task) starts the window afresh. */
  push(t: number, v: number): void {
    const last = this.samples.at(-1);
    if (last && v < last.v) this.samples = [];
    this.samples.push({ t, v });
    while (this.samples.length > 2 && t - this.samples[1]!.t >= this.spanMs) this.samples.shift();
  }

  /** records per second over the window, or null before two samples a moment apart */
  rate(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.t - first.t < 200) return null;
    return ((last.v - first.v) * 1000) / (last.t - first.t);
  }
}

/** Rate windows by key, created on first use and forgotten when not updated in a poll. */
export class Rates {
  private windows = new Map<string, RateWindow>();
  private touched = new Set<string>();

  sample(key: string, t: number, v: number | undefined): number | null {
    if (v === undefined || !Number.isFinite(v)) return null;
    let w = this.windows.get(key);
    if (!w) this.windows.set(key, (w = new RateWindow()));
    w.push(t, v);
    this.touched.add(key);
    return w.rate();
  }

  /** Drops windows not sampled since the last call (vertices that finished, operators gone). */
  sweep(): void {
    for (const k of this.windows.keys()) if (!this.touched.has(k)) this.windows.delete(k);
    this.touched.clear();
  }
}
