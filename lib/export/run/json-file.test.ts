import { describe, expect, it } from "vitest";
import { readableJson } from "./json-file";

describe("readableJson", () => {
  it("puts arrays of numbers on one line and leaves strings alone", () => {
    const value = { entries: [[1, 0, 2], [30, 1, 0]], tokens: [1.5, -2e-7], text: "[\n 1,\n 2]", names: ["a", "b"], empty: [] };
    const text = readableJson(value);
    expect(text).toContain('"entries": [\n    [1, 0, 2],\n    [30, 1, 0]\n  ]');
    expect(text).toContain('"tokens": [1.5, -2e-7]');
    expect(text).toContain('"names": [\n    "a",\n    "b"\n  ]');
    expect(JSON.parse(text)).toEqual(value);
  });
});
