// runner.*: the jvm-runner's state (starting/ready/restarting/down), the runs lost in its last crash, and whether the
// UDF sandbox is reduced (workers keep the network because the user opted out).
import { on } from "node:events";
import { EventEmitter } from "node:events";
import type { RunnerStatus } from "@/server/runner/supervisor";
import { udfSandboxState } from "@/server/udf/worker-sandbox";
import { procedure, router } from "../trpc";

export const runnerRouter = router({
  status: procedure.query(({ ctx }) => ctx.services.supervisor.getStatus()),
  udfSandbox: procedure.query(() => udfSandboxState()),
  watch: procedure.subscription(async function* ({ ctx, signal }) {
    const bus = new EventEmitter();
    const off = ctx.services.supervisor.subscribe((s) => bus.emit("status", s));
    try {
      yield ctx.services.supervisor.getStatus();
      for await (const [s] of on(bus, "status", { signal })) yield s as RunnerStatus;
    } catch (e) {
      if ((e as Error).name !== "AbortError") throw e;
    } finally {
      off();
    }
  }),
});
