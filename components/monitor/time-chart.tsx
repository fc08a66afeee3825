// A small live time-series chart (uPlot: fast canvas rendering) of a few series over the last minutes.
"use client";
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export type Series = { label: string; color: string; values: (number | null)[] };

export function TimeChart({ title, times, series, unit, testId }: {
  title: string; times: number[]; series: Series[]; unit: string; testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const labels = series.map((s) => s.label).join("|");

  useEffect(() => {
    let cancelled = false;
    let u: uPlot | null = null;
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled || !box.current) return;
      u = new UPlot({
        width: box.current.clientWidth || 420, height: 160,
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, spanGaps: true }))],
        axes: [{}, { size: 56, values: (_u, vals) => vals.map((v) => `${v}${unit}`) }],
        legend: { live: false },
      }, [times.map((t) => t / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData, box.current);
      plot.current = u;
    });
    return () => {
      cancelled = true;
      u?.destroy();
      plot.current = null;
    };
    // re-created only when the set of series changes; data flows through setData below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [labels, unit]);

  useEffect(() => {
    plot.current?.setData([times.map((t) => t / 1000), ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [times, series]);

  const last = series.map((s) => s.values.at(-1));
  return (
    <figure className="sc-chart" data-testid={testId} data-points={times.length} data-last={last.map((v) => v ?? "").join(",")}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="sc-chart__plot" />
    </figure>
  );
}
