// Where the Flink web UI is under this server (app/flink/, read-only through server/monitor/flink-proxy.ts); pure, so
// pages link to it too.
export const FLINK_UI_PREFIX = "/flink";

/** The whole dashboard: index.html, whose URLs are relative (`<base href="./">`), so it works under the prefix. */
export const FLINK_UI_PATH = `${FLINK_UI_PREFIX}/index.html`;

/** The dashboard's page of one job. */
export const flinkJobUiPath = (jobId: string, active: boolean) =>
  `${FLINK_UI_PATH}#/job/${active ? "running" : "completed"}/${encodeURIComponent(jobId)}/overview`;
