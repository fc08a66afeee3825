// Job page: the run settings the run ran with (recorded with the run), as Flink applied them.
"use client";
import { Fragment } from "react";
import type { RunSettings } from "@/pipeline/run-settings";
import { describeSettings } from "./run-settings-text";

export function RunSettingsPanel({ settings }: { settings: RunSettings | null }) {
  return (
    <section className="sc-panel" data-testid="job-settings">
      <h3>Run settings</h3>
      {!settings ? <p className="sc-muted">Not recorded (the run is older than saved run settings).</p> : (
        <dl className="sc-dl sc-settings-dl">
          {describeSettings(settings).map((r) => (
            <Fragment key={r.key}>
              <dt>{r.label}</dt><dd data-testid={`job-setting-${r.key}`}>{r.text}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}
