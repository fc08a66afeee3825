// crossBundleError: instanceof works on errors made by another copy of the same class (another bundle's module).
import { describe, expect, it } from "vitest";
import { crossBundleError } from "./errors";

const make = () => crossBundleError("ExampleError", class extends Error {});

describe("crossBundleError", () => {
  it("recognises an error from another copy of the class, and nothing else", () => {
    const A = make();
    const B = make();
    expect(new B("x")).toBeInstanceOf(A);
    expect(new B("x").name).toBe("ExampleError");
    expect(new Error("x") instanceof A).toBe(false);
    expect(new (crossBundleError("OtherError", class extends Error {}))("x") instanceof A).toBe(false);
  });
});
