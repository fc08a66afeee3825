// The Flink release the runner is built with (jvm-runner/pom.xml's flink.version), and the rule a remote cluster's
// release must meet: the same major.minor (a job graph and the runner's jar are built against that release).
import fs from "node:fs";
import path from "node:path";

export function runnerFlinkVersion(root: string): string {
  const pom = fs.readFileSync(path.join(root, "jvm-runner", "pom.xml"), "utf8");
  const m = pom.match(/<flink\.version>([^<]+)</);
  if (!m) throw new Error(`no <flink.version> in ${path.join(root, "jvm-runner", "pom.xml")}`);
  return m[1]!;
}

const minor = (v: string) => v.match(/^(\d+)\.(\d+)/)?.slice(1, 3).join(".");

/** null when a cluster of `cluster`'s release can run the runner's jobs, else why not (naming both versions). */
export function versionSkew(cluster: string, runner: string): string | null {
  const c = minor(cluster);
  if (c !== undefined && c === minor(runner)) return null;
  return `the cluster runs Flink ${cluster} but StreamCanvas's runner is built on Flink ${runner}: ` +
    `jobs need a cluster of Flink ${minor(runner) ?? runner}.x`;
}
