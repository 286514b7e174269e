import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("keyset cursors", () => {
  it("round-trips the sort key", () => {
    expect(decodeCursor(encodeCursor(["2026-11-23T10:00:00.000Z", 42]))).toEqual(["2026-11-23T10:00:00.000Z", 42]);
  });
  it("treats garbage as no cursor", () => {
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString("base64url"))).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});
