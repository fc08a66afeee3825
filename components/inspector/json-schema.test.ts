// Generated-form helpers over every registered kind: JSON Schema shapes, new-item defaults, node summaries.
import { describe, expect, it } from "vitest";
import { nodeKinds, getNodeKind } from "@/pipeline/kinds";
import { nodeSummary } from "@/components/canvas/node-summary";
import { configSchema, emptyValue, isExpression, typeOf, unwrapNullable, type JsonSchema } from "./json-schema";

describe("config schemas for generated forms", () => {
  it("every registered kind's config converts to an object JSON Schema the form can render", () => {
    for (const kind of nodeKinds) {
      const s = configSchema(kind);
      expect(typeOf(s), kind.kind).toBe("object");
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        expect(["string", "number", "integer", "boolean", "array", "object", "enum"], `${kind.kind}.${key}`).toContain(
          typeOf(unwrapNullable(prop).schema),
        );
      }
    }
  });

  it("a new array item starts from the item schema's defaults", () => {
    const columns = configSchema(getNodeKind("datagen")!).properties!.columns!;
    const item = emptyValue(columns.items!) as Record<string, unknown>;
    expect(item).toMatchObject({ name: "", type: "BIGINT", kind: "random" });
    expect(item).not.toHaveProperty("min");
  });

  it("unwraps nullable fields and recognises expression fields", () => {
    const nullable: JsonSchema = { anyOf: [{ type: "integer" }, { type: "null" }], title: "Rows" };
    expect(unwrapNullable(nullable)).toEqual({ schema: { type: "integer", title: "Rows", description: undefined }, nullable: true });
    expect(isExpression({ type: "string" }, "predicate")).toBe(true);
    expect(isExpression({ type: "string", widget: "expression" }, "anything")).toBe(true);
    expect(isExpression({ type: "string" }, "name")).toBe(false);
  });

  it("summarises a node by its expressions and list sizes", () => {
    expect(nodeSummary(getNodeKind("filter")!, { predicate: "a > 1" })).toEqual([{ text: "a > 1", mono: true }]);
    expect(nodeSummary(getNodeKind("datagen")!, { columns: [{}, {}], rowsPerSecond: 5 })).toEqual([{ text: "2 columns", mono: false }]);
  });
});
