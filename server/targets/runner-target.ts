// What the runner gets of a target for a submission (POST /jobs "target", jvm-runner/API.md), and the default target.
import type { ResolvedTarget } from "./service";

export type RunnerTarget = { name: string; url: string; authHeader?: string; truststore?: string; truststorePassword?: string };

/** The name a run records for the cluster STREAMCANVAS_FLINK_URL names. */
export const ENV_TARGET = "STREAMCANVAS_FLINK_URL";

/** The runner sends the auth header on each of its Flink client's requests (jvm-runner's cluster/AuthHeaders.java). */
export function runnerTargetOf(t: ResolvedTarget): RunnerTarget {
  return {
    name: t.name, url: t.url, ...(t.authHeader ? { authHeader: t.authHeader } : {}),
    ...(t.truststore ? { truststore: t.truststore } : {}), ...(t.truststorePassword ? { truststorePassword: t.truststorePassword } : {}),
  };
}

/** The target of a run that names none: STREAMCANVAS_FLINK_URL's cluster, or undefined for the embedded one. */
export function defaultTarget(flinkUrl: string | undefined): ResolvedTarget | undefined {
  return flinkUrl ? { name: ENV_TARGET, url: flinkUrl.replace(/\/$/, "") } : undefined;
}
