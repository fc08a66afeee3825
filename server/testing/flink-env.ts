// The shared test Flink cluster as a test sees it: its REST URL, from the environment the stage's global setup
// (server/testing/flink-global-setup.ts) exported, and the harness's control endpoint for fault tests.
export const TEST_FLINK_ENV = {
  url: "STREAMCANVAS_TEST_FLINK_URL", pids: "STREAMCANVAS_TEST_FLINK_PIDS",
  control: "STREAMCANVAS_TEST_FLINK_CONTROL", controlToken: "STREAMCANVAS_TEST_FLINK_CONTROL_TOKEN",
} as const;

/** The cluster's REST URL; throws naming the variable when the stage started none. */
export function testFlinkUrl(): string {
  const v = process.env[TEST_FLINK_ENV.url];
  if (!v) throw new Error(`${TEST_FLINK_ENV.url} is not set: run under the integration project, whose global setup starts the test Flink cluster`);
  return v;
}

/** The pids of the cluster's JobManager and TaskManagers as started (empty for a cluster you run yourself). */
export function testFlinkPids(): number[] {
  return (process.env[TEST_FLINK_ENV.pids] ?? "").split(",").filter(Boolean).map(Number);
}

async function control<T>(method: string, path: string): Promise<T> {
  const url = process.env[TEST_FLINK_ENV.control];
  if (!url) {
    throw new Error(`${TEST_FLINK_ENV.control} is not set: fault tests need the cluster the integration stage starts itself ` +
      `(unset ${TEST_FLINK_ENV.url} so the global setup starts one)`);
  }
  const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${process.env[TEST_FLINK_ENV.controlToken]}` } });
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`test cluster control ${method} ${path}: ${body.error}`);
  return body;
}

/** The JobManager's and TaskManagers' pids now (a TaskManager started again has a new one). */
export const testFlinkPidsNow = async () => (await control<{ pids: number[] }>("GET", "/pids")).pids;
/** SIGKILLs TaskManager n (1 or 2) of the stage's cluster; resolves with its pid once it is gone. */
export const killTestTaskManager = async (n: number) => (await control<{ pid: number }>("POST", `/taskmanagers/${n}/kill`)).pid;
/** Starts TaskManager n again (same resource id, sc-test-tm-n); the stage's teardown stops it with the rest. */
export const startTestTaskManager = async (n: number) => (await control<{ pid: number }>("POST", `/taskmanagers/${n}/start`)).pid;
/** Starts or stops a third TaskManager, sc-test-tm-no-node, whose PATH has no Node.js (the stage's teardown stops it too). */
export const testTaskManagerWithoutNode = async (start: boolean) =>
  (await control<{ pid: number }>("POST", `/taskmanagers/no-node/${start ? "start" : "stop"}`)).pid;
