import { describe, expect, it } from "vitest";
import { effectiveMasks, pendingProposals } from "./effective";
import { proposeMasks } from "./proposals";

describe("proposeMasks", () => {
  it("proposes a detected loop's steps as context and a secret's step as drop, within the episode", () => {
    const proposals = proposeMasks(
      {
        loop: { kind: "repeated_action_observation", startStep: 4, endStep: 12 },
        secrets: [
          { kind: "aws", stepIndex: 2, source: "step", preview: "AKIA…" },
          { kind: "openai", stepIndex: 2, source: "step", preview: "ghp_…" },
          { kind: "github", stepIndex: null, source: "patch", preview: "ghp_…" },
        ],
      },
      10,
    );
    expect(proposals.map((p) => [p.key, p.startStep, p.endStep, p.mask])).toEqual([
      ["loop:4-9", 4, 9, "context"],
      ["secret:2", 2, 2, "drop"],
    ]);
    expect(proposals[0].reason).toContain("repeated action observation");
    expect(proposals.every((p) => p.proposed)).toBe(true);
  });

  it("proposes nothing for a clean episode or a loop past its end", () => {
    expect(proposeMasks({}, 5)).toEqual([]);
    expect(proposeMasks({ loop: { kind: "repeated_message", startStep: 7, endStep: 9 } }, 5)).toEqual([]);
  });
});

describe("effectiveMasks", () => {
  const loop = proposeMasks({ loop: { kind: "repeated_message", startStep: 2, endStep: 4 } }, 8);

  it("uses a pending proposal where nobody set a mask, and train elsewhere", () => {
    const result = effectiveMasks(8, [], loop);
    expect(result.steps.map((s) => s.mask)).toEqual(["train", "train", "context", "context", "context", "train", "train", "train"]);
    expect(result.steps[3]).toMatchObject({ source: "proposal", proposed: true, proposalKey: "loop:2-4" });
    expect(result.runs).toEqual([
      { startStep: 0, endStep: 1, mask: "train", source: "default", proposed: false },
      { startStep: 2, endStep: 4, mask: "context", source: "proposal", proposed: true },
      { startStep: 5, endStep: 7, mask: "train", source: "default", proposed: false },
    ]);
  });

  it("lets a person's mask override proposals, the newest mask winning where ranges overlap", () => {
    const masks = [
      { id: 9, startStep: 3, endStep: 3, mask: "drop" as const, proposalKey: null },
      { id: 5, startStep: 0, endStep: 3, mask: "context" as const, proposalKey: null },
    ];
    const result = effectiveMasks(8, masks, loop);
    expect(result.steps.map((s) => [s.mask, s.source])).toEqual([
      ["context", "mask"],
      ["context", "mask"],
      ["context", "mask"],
      ["drop", "mask"],
      ["context", "proposal"],
      ["train", "default"],
      ["train", "default"],
      ["train", "default"],
    ]);
  });

  it("stops proposing once a person confirms or overrides the proposal", () => {
    const overridden = [{ id: 1, startStep: 2, endStep: 4, mask: "train" as const, proposalKey: "loop:2-4" }];
    expect(pendingProposals(loop, overridden)).toEqual([]);
    const result = effectiveMasks(8, overridden, loop);
    expect(result.steps.every((s) => s.mask === "train" && !s.proposed)).toBe(true);
    expect(result.steps[2]).toMatchObject({ source: "mask", maskId: 1 });
  });
});
