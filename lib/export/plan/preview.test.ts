import { describe, expect, it } from "vitest";
import type { PlanReport } from "../types";
import { capReportPairs } from "./preview";

const pairs = (n: number) => Array.from({ length: n }, (_, i) => ({ removed: i + 1000, kept: i, similarity: 1 }));

describe("capReportPairs", () => {
  it("keeps the first pairs of each list and says how many there are", () => {
    const report = { dedup: { exact: pairs(250), near: pairs(3) } } as PlanReport;
    const capped = capReportPairs(report);
    expect(capped.dedup.exact).toEqual(pairs(200));
    expect(capped.dedup.near).toHaveLength(3);
    expect(capped.dedup).toMatchObject({ exactTotal: 250, nearTotal: 3 });
  });
});
