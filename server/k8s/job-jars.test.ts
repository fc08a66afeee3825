// The jar groups of the Kubernetes export hold exactly the library prefixes the runner ships to a remote cluster.
import fs from "node:fs";
import { expect, it } from "vitest";
import { JAR_GROUPS } from "./job-jars";

it("JAR_GROUPS are ShippedJars.LIBRARY_PREFIXES, grouped", () => {
  const java = fs.readFileSync("jvm-runner/src/main/java/io/streamcanvas/runner/cluster/ShippedJars.java", "utf8");
  const list = java.match(/LIBRARY_PREFIXES = List\.of\(([^;]*)\);/)?.[1];
  expect(list, "ShippedJars.LIBRARY_PREFIXES").toBeDefined();
  const prefixes = [...list!.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
  expect(Object.values(JAR_GROUPS).flat().sort()).toEqual(prefixes);
});
