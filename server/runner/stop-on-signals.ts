// Stops the server's runner as soon as the server is told to stop (a terminal's Ctrl+C reaches the runner too), not when
// Next.js has closed its connections (seconds, with live streams open): a runner that exits meanwhile is no crash to restart.
import type { RunnerSupervisor } from "./supervisor";

/** the parts of `process` used: an EventEmitter stands in for it in tests */
type Proc = { once(ev: string, fn: () => void): unknown; listenerCount(ev: string): number; kill(pid: number, sig: string): unknown; pid: number };

export function stopRunnerOnSignals(supervisor: Pick<RunnerSupervisor, "stop" | "killNow">, proc: Proc = process): void {
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    proc.once(sig, () => {
      void supervisor.stop();
      // Next.js exits on these signals itself; with nobody else listening, keep the default (exit) behaviour
      if (proc.listenerCount(sig) === 0) proc.kill(proc.pid, sig);
    });
  }
  // a crash or process.exit(): signal our runner synchronously, the last thing that can still run
  proc.once("exit", () => supervisor.killNow());
}
