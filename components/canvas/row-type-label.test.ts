// Edge label text: whole columns that fit, then a count of the rest.
import { describe, expect, it } from "vitest";
import { type } from "@/pipeline/types";
import { rowTypeText, shortRowType } from "./row-type-label";

const rt = [{ name: "id", type: type("BIGINT") }, { name: "name", type: type("STRING") }, { name: "v", type: type("DOUBLE NOT NULL") }];

describe("row type labels", () => {
  it("print every column with its Flink type for the hover text", () => {
    expect(rowTypeText(rt)).toBe("id BIGINT, name STRING, v DOUBLE NOT NULL");
  });
  it("keep whole columns and count the rest", () => {
    expect(shortRowType(rt, 100)).toBe("id BIGINT, name STRING, v DOUBLE NOT NULL");
    expect(shortRowType(rt, 25)).toBe("id BIGINT, name STRING +1");
    expect(shortRowType(rt, 5)).toBe("id BIGINT +2");
  });
});
