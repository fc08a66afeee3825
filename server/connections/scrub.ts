// Secret values cut out of a message before it leaves the server (the runner scrubs too: job/SecretScrubber.java; this
// is the second line). The same mask as the runner's, so a user sees one sign for a hidden value wherever it was cut.
import { RunnerRejection } from "@/server/errors";

export const SECRET_MASK = "******";

export function scrubSecrets(text: string, secrets: string[]): string {
  let out = text;
  // longest first, so a secret that contains another is cut whole
  for (const s of [...secrets].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) out = out.split(s).join(SECRET_MASK);
  return out;
}

/** A runner's rejection with every secret value cut from its message and from Flink's cause; any other error as it is. */
export function hideSecrets<E>(e: E, secretValues: string[]): E {
  if (!(e instanceof RunnerRejection) || secretValues.length === 0) return e;
  const cause = e.flinkCause && scrubSecrets(e.flinkCause, secretValues);
  return new RunnerRejection(e.status, scrubSecrets(e.message, secretValues), cause) as E;
}
