// A job poller whose cluster cannot be reached says so, and since when, instead of passing old figures off as current.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { createFlinkClient } from "./flink-client";
import { createJobTick } from "./job-poller";

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe("job poller when Flink cannot be reached", () => {
  it("marks snapshots unreachable with the time of the first failure, kept across ticks", async () => {
    let t = 1_000;
    const client = createFlinkClient(`http://127.0.0.1:${await closedPort()}`, 2_000);
    const { tick } = createJobTick({ flink: () => client, runFor: () => undefined, now: () => t });
    const first = await tick("a".repeat(32), undefined);
    expect(first.reachable).toBe(false);
    expect(first.unreachableSince).toBe(1_000);
    expect(first.message).toMatch(/unreachable/);
    t = 5_000;
    const second = await tick("a".repeat(32), first);
    expect(second.unreachableSince).toBe(1_000);
    expect(second.at).toBe(first.at);
    // the page closed and opened again (a new poller, no previous snapshot), the cluster still down: the same moment
    t = 9_000;
    const reopened = await tick("a".repeat(32), undefined);
    expect(reopened.unreachableSince).toBe(1_000);
    // another job on the same cluster: down since then too
    expect((await tick("c".repeat(32), undefined)).unreachableSince).toBe(1_000);
  });

  it("says the runner is not ready when Flink's address is unknown", async () => {
    const { tick } = createJobTick({ flink: () => null, runFor: () => undefined, now: () => 7 });
    const s = await tick("b".repeat(32), undefined);
    expect(s).toMatchObject({ reachable: false, unreachableSince: 7, job: null });
    expect(s.message).toMatch(/runner is not ready/);
  });
});
