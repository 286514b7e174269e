import { describe, expect, it } from "vitest";
import type { QueueAgreement } from "@/lib/review/consensus/schema";
import { alphaReading, formatCoefficient, kappaRows } from "./agreement-format";

const ann = { id: "a", name: "ann", email: "ann@x.test" };
const bob = { id: "b", name: "bob", email: "bob@x.test" };
const cy = { id: "c", name: "cy", email: "cy@x.test" };

const agreement: QueueAgreement = {
  queueId: 1,
  rubricVersionId: 1,
  judgedItems: 4,
  annotators: [ann, bob, cy],
  verdict: { key: "verdict", label: "Verdict", type: "verdict", level: "nominal", alpha: 0.5, items: 4, values: 8, pairs: [{ a: bob, b: ann, kappa: 0.5, items: 4 }] },
  dimensions: [
    {
      key: "quality",
      label: "Quality",
      type: "ordinal",
      level: "ordinal",
      alpha: null,
      items: 1,
      values: 2,
      pairs: [
        { a: ann, b: bob, kappa: -0.25, items: 3 },
        { a: ann, b: cy, kappa: null, items: 1 },
      ],
    },
  ],
  gold: [],
};

describe("formatCoefficient", () => {
  it("gives three decimals, a real minus, and says when alpha is undefined", () => {
    expect(formatCoefficient(0.6666)).toBe("0.667");
    expect(formatCoefficient(-0.25)).toBe("−0.250");
    expect(formatCoefficient(-0.0001)).toBe("0.000");
    expect(formatCoefficient(null)).toBe("undefined");
  });
});

describe("alphaReading", () => {
  it("follows Krippendorff's thresholds", () => {
    expect(alphaReading(0.8)).toBe("reliable");
    expect(alphaReading(0.7)).toBe("tentative");
    expect(alphaReading(0.1)).toBe("low");
  });
});

describe("kappaRows", () => {
  it("puts each pair on one row whichever way round the API names it, a column per dimension", () => {
    expect(kappaRows(agreement)).toEqual([
      { key: "a|b", a: "ann@x.test", b: "bob@x.test", cells: [{ kappa: 0.5, items: 4 }, { kappa: -0.25, items: 3 }] },
      { key: "a|c", a: "ann@x.test", b: "cy@x.test", cells: [null, { kappa: null, items: 1 }] },
    ]);
  });
});
