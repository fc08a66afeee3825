// The release rule for remote clusters: the runner's major.minor, any patch; otherwise both versions are named.
import { describe, expect, it } from "vitest";
import { runnerFlinkVersion, versionSkew } from "./flink-version";

describe("versionSkew", () => {
  it("accepts another patch release of the same minor", () => {
    expect(versionSkew("2.3.0", "2.3.0")).toBeNull();
    expect(versionSkew("2.3.1", "2.3.0")).toBeNull();
  });
  it("refuses another minor or major, naming both versions", () => {
    expect(versionSkew("2.2.0", "2.3.0")).toBe("the cluster runs Flink 2.2.0 but StreamCanvas's runner is built on Flink 2.3.0: jobs need a cluster of Flink 2.3.x");
    expect(versionSkew("1.20.1", "2.3.0")).toContain("Flink 1.20.1");
    expect(versionSkew("unknown", "2.3.0")).toContain("Flink unknown");
  });
  it("reads the runner's version from jvm-runner/pom.xml", () => expect(runnerFlinkVersion(process.cwd())).toMatch(/^2\.3\.\d+$/));
});
