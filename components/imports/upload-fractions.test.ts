import { describe, expect, it } from "vitest";
import { fileSentFractions } from "./upload-fractions";

describe("fileSentFractions", () => {
  // Two files of 1,000 and 3,000 bytes behind 100 bytes of multipart framing each.
  const sizes = [1000, 3000];
  const total = 4200;

  it("fills the files in body order", () => {
    expect(fileSentFractions(sizes, 0, total)).toEqual([0, 0]);
    expect(fileSentFractions(sizes, 600, total)).toEqual([0.5, 0]);
    expect(fileSentFractions(sizes, 1100, total)).toEqual([1, 0]);
    expect(fileSentFractions(sizes, 2700, total)).toEqual([1, 0.5]);
    expect(fileSentFractions(sizes, total, total)).toEqual([1, 1]);
  });

  it("counts an empty file as sent once the body reaches it", () => {
    expect(fileSentFractions([0, 10], 50, 230)).toEqual([0, 0]);
    expect(fileSentFractions([0, 10], 110, 230)).toEqual([1, 0]);
  });

  it("never leaves 0..1, even when the reported total is off", () => {
    expect(fileSentFractions([10], 500, 20)).toEqual([1]);
    expect(fileSentFractions([10], 5, 0)).toEqual([0.5]);
  });
});
