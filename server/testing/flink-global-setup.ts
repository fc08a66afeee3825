// Global setup of the integration stage: starts ONE standalone Flink session cluster (1 JobManager, 2 TaskManagers ×
// 2 slots) shared by every test file and exports its REST URL (server/testing/flink-env.ts) and a control endpoint for
// fault tests (flink-cluster-control.ts); the returned teardown stops exactly those processes, TaskManagers a test had
// restarted included. With STREAMCANVAS_TEST_FLINK_URL already set (a cluster you run yourself), it starts nothing.
import { startFlinkCluster } from "./flink-cluster";
import { serveClusterControl } from "./flink-cluster-control";
import { TEST_FLINK_ENV } from "./flink-env";

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env[TEST_FLINK_ENV.url]) return async () => {};
  const cluster = await startFlinkCluster(process.cwd(), (l) => process.stdout.write(`${l}\n`));
  const control = await serveClusterControl(cluster);
  process.env[TEST_FLINK_ENV.url] = cluster.url;
  process.env[TEST_FLINK_ENV.pids] = cluster.pids.join(",");
  process.env[TEST_FLINK_ENV.control] = control.url;
  process.env[TEST_FLINK_ENV.controlToken] = control.token;
  return async () => {
    await control.close();
    await cluster.stop();
    for (const k of Object.values(TEST_FLINK_ENV)) delete process.env[k];
  };
}
