// Secret values cut out of a message before it leaves the server (the runner scrubs too; this is the second line).
export function scrubSecrets(text: string, secrets: string[]): string {
  let out = text;
  // longest first, so a secret that contains another is cut whole
  for (const s of [...secrets].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) out = out.split(s).join("***");
  return out;
}
