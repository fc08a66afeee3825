// The jar groups of the Kubernetes export are the runner's ShippedJars.GROUPS (what it ships to a remote cluster).
import fs from "node:fs";
import { expect, it } from "vitest";
import { JAR_GROUPS } from "./job-jars";

it("JAR_GROUPS are ShippedJars.GROUPS", () => {
  const java = fs.readFileSync("jvm-runner/src/main/java/io/streamcanvas/runner/cluster/ShippedJars.java", "utf8");
  const groups = Object.fromEntries([...java.matchAll(/GROUPS\.put\("([a-z]+)", List\.of\(([^)]*)\)\);/g)]
    .map((m) => [m[1], [...m[2]!.matchAll(/"([^"]+)"/g)].map((p) => p[1])]));
  expect(Object.keys(groups).length).toBeGreaterThan(1);
  expect(JAR_GROUPS).toEqual(groups);
});
