// What the runner gets of a target for a submission (POST /jobs "target", jvm-runner/API.md), and the default target.
import { ConnectionInvalid } from "@/server/errors";
import type { ResolvedTarget } from "./service";

export type RunnerTarget = { name: string; url: string; truststore?: string; truststorePassword?: string };

/** The name a run records for the cluster STREAMCANVAS_FLINK_URL names. */
export const ENV_TARGET = "STREAMCANVAS_FLINK_URL";

/**
 * Flink's job submission client (RestClusterClient) takes extra HTTP headers only from its process's
 * FLINK_REST_CLIENT_HEADERS variable, so one long-lived runner cannot send a per-target Authorization header yet.
 */
export function runnerTargetOf(t: ResolvedTarget): RunnerTarget {
  if (t.authHeader) {
    throw new ConnectionInvalid(`target ${JSON.stringify(t.name)} has an auth header, and the runner cannot yet submit jobs through one ` +
      "(Flink's job client reads extra headers only from its process environment); Test and monitoring do use it", [{ field: "authHeader", message: "not supported for submission yet" }]);
  }
  return { name: t.name, url: t.url, ...(t.truststore ? { truststore: t.truststore } : {}), ...(t.truststorePassword ? { truststorePassword: t.truststorePassword } : {}) };
}

/** The target of a run that names none: STREAMCANVAS_FLINK_URL's cluster, or undefined for the embedded one. */
export function defaultTarget(flinkUrl: string | undefined): ResolvedTarget | undefined {
  return flinkUrl ? { name: ENV_TARGET, url: flinkUrl.replace(/\/$/, "") } : undefined;
}
