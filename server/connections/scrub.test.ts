// The server's second line of secret scrubbing: every saved secret's bytes cut from what leaves it, with the runner's mask.
import { describe, expect, it } from "vitest";
import { RunnerRejection } from "@/server/errors";
import { SECRET_MASK, hideSecrets, scrubSecrets } from "./scrub";

describe("scrubSecrets", () => {
  it("cuts every occurrence, a longer secret that holds a shorter one whole; too short a value is left", () => {
    expect(scrubSecrets("login s3cret-long failed; s3cret again; pw ab", ["s3cret", "s3cret-long", "ab"]))
      .toBe(`login ${SECRET_MASK} failed; ${SECRET_MASK} again; pw ab`);
  });
});

describe("hideSecrets", () => {
  it("scrubs a runner rejection's message and Flink's cause, keeps its status, and leaves other errors alone", () => {
    const e = hideSecrets(new RunnerRejection(401, "SASL authentication failed for pw=hunter22", "LoginException: hunter22"), ["hunter22"]);
    expect([e.status, e.message, e.flinkCause]).toEqual([401, `SASL authentication failed for pw=${SECRET_MASK}`, `LoginException: ${SECRET_MASK}`]);
    const other = new Error("hunter22");
    expect(hideSecrets(other, ["hunter22"])).toBe(other);
  });
});
