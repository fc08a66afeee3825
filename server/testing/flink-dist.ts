// The official Flink distribution's lib/ for the test cluster: PyPI's apache-flink-libraries (an sdist holding
// deps/lib and deps/bin of the release) at the runner's Flink version, fetched once with pip into a cache folder.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export { runnerFlinkVersion } from "../runner/flink-version";

const cacheDir = (version: string) => path.join(os.homedir(), ".cache", "streamcanvas", `flink-dist-${version}`);

/**
 * A folder with lib/ (flink-dist, table planner loader and runtime, files/csv/json connectors, log4j) of this release.
 * STREAMCANVAS_FLINK_DIST names one you have (an unpacked Flink distribution); else it is downloaded once (~330 MB).
 */
export function flinkDist(version: string, log: (line: string) => void = () => {}): string {
  const given = process.env.STREAMCANVAS_FLINK_DIST;
  if (given) {
    if (!fs.existsSync(path.join(given, "lib", `flink-dist-${version}.jar`))) {
      throw new Error(`STREAMCANVAS_FLINK_DIST=${given} has no lib/flink-dist-${version}.jar (the runner's Flink is ${version})`);
    }
    return given;
  }
  const dir = cacheDir(version);
  if (fs.existsSync(path.join(dir, "lib", `flink-dist-${version}.jar`))) return dir;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sc-flink-dist-"));
  try {
    log(`[flink-cluster] downloading apache-flink-libraries==${version} from PyPI (once, into ${dir})`);
    const python = process.env.PYTHON ?? "python3";
    const dl = spawnSync(python, ["-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--progress-bar", "off",
      `apache-flink-libraries==${version}`, "-d", tmp], { encoding: "utf8", timeout: 600_000 });
    if (dl.status !== 0) {
      throw new Error(`\`${python} -m pip download apache-flink-libraries==${version}\` failed (${dl.error?.message ?? `status ${dl.status}`}): ` +
        `${dl.stderr.slice(-1500)}\nor set STREAMCANVAS_FLINK_DIST to an unpacked Flink ${version} distribution`);
    }
    const archive = fs.readdirSync(tmp).find((f) => f.endsWith(".tar.gz"));
    if (!archive) throw new Error(`pip downloaded no .tar.gz of apache-flink-libraries into ${tmp}: ${fs.readdirSync(tmp).join(", ")}`);
    const top = archive.slice(0, -".tar.gz".length);
    const x = spawnSync("tar", ["xzf", archive, `${top}/deps/lib`, `${top}/deps/bin`], { cwd: tmp, encoding: "utf8", timeout: 300_000 });
    if (x.status !== 0) throw new Error(`unpacking ${archive} failed: ${x.stderr}`);
    // made complete under a temp name, then renamed: a stage killed half-way never leaves a half-filled cache
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const staged = `${dir}.${process.pid}`;
    fs.renameSync(path.join(tmp, top, "deps"), staged);
    try {
      fs.renameSync(staged, dir);
    } catch (e) {
      fs.rmSync(staged, { recursive: true, force: true });
      if (!fs.existsSync(path.join(dir, "lib"))) throw e; // else another stage made it first
    }
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
