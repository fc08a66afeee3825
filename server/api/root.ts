// The app's tRPC router: one sub-router per domain. The client imports only `type AppRouter`.
import { connectionsRouter } from "./routers/connections";
import { examplesRouter } from "./routers/examples";
import { k8sRouter } from "./routers/k8s";
import { monitorRouter } from "./routers/monitor";
import { pipelinesRouter } from "./routers/pipelines";
import { previewRouter } from "./routers/preview";
import { runnerRouter } from "./routers/runner";
import { runsRouter } from "./routers/runs";
import { sampleRouter } from "./routers/sample";
import { targetsRouter } from "./routers/targets";
import { versionsRouter } from "./routers/versions";
import { udfRouter } from "./routers/udf";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  pipelines: pipelinesRouter,
  examples: examplesRouter,
  runs: runsRouter,
  runner: runnerRouter,
  preview: previewRouter,
  versions: versionsRouter,
  udf: udfRouter,
  monitor: monitorRouter,
  sample: sampleRouter,
  connections: connectionsRouter,
  targets: targetsRouter,
  k8s: k8sRouter,
});
export type AppRouter = typeof appRouter;

/** `createCaller({ services })` runs procedures in-process, as tests do. */
export const createCaller = createCallerFactory(appRouter);
