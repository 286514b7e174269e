import { describe, expect, it } from "vitest";
import type { MaskProposal } from "@/lib/review/masks/schema";
import { decidedProposal, stepRange } from "./mask-labels";

const proposal = (key: string, startStep: number, endStep: number): MaskProposal => ({ key, startStep, endStep, mask: "context", reason: "", proposed: true });

describe("masks on screen", () => {
  it("names a step or a range", () => {
    expect(stepRange(3, 3)).toBe("step 3");
    expect(stepRange(3, 6)).toBe("steps 3–6");
  });

  it("decides a proposal only when the range covers all of it", () => {
    const proposals = [proposal("loop:4-7", 4, 7), proposal("secret:9", 9, 9)];
    expect(decidedProposal(proposals, 4, 7)).toBe("loop:4-7");
    expect(decidedProposal(proposals, 0, 20)).toBe("loop:4-7");
    expect(decidedProposal(proposals, 5, 7)).toBeUndefined();
    expect(decidedProposal(proposals, 9, 9)).toBe("secret:9");
    expect(decidedProposal([], 0, 1)).toBeUndefined();
  });
});
