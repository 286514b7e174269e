/** The mask each step ends up with: the newest person's mask covering it, else a pending proposal, else train. Pure. */
import type { EffectiveMasks, EffectiveStep, MaskProposal, TrainingMask } from "./schema";

export type SetMask = { id: number; startStep: number; endStep: number; mask: TrainingMask; proposalKey: string | null };

/** Proposals nobody has confirmed or overridden (a person's mask naming the proposal resolves it). */
export function pendingProposals(proposals: MaskProposal[], masks: SetMask[]): MaskProposal[] {
  const resolved = new Set(masks.map((m) => m.proposalKey).filter((key) => key !== null));
  return proposals.filter((p) => !resolved.has(p.key));
}

export function effectiveMasks(stepCount: number, masks: SetMask[], proposals: MaskProposal[]): EffectiveMasks {
  const steps: EffectiveStep[] = Array.from({ length: stepCount }, (_, idx) => ({ idx, mask: "train", source: "default", proposed: false, maskId: null, proposalKey: null }));
  for (const proposal of pendingProposals(proposals, masks))
    for (let i = proposal.startStep; i <= Math.min(proposal.endStep, stepCount - 1); i++)
      steps[i] = { idx: i, mask: proposal.mask, source: "proposal", proposed: true, maskId: null, proposalKey: proposal.key };
  for (const mask of [...masks].sort((a, b) => a.id - b.id))
    for (let i = mask.startStep; i <= Math.min(mask.endStep, stepCount - 1); i++)
      steps[i] = { idx: i, mask: mask.mask, source: "mask", proposed: false, maskId: mask.id, proposalKey: mask.proposalKey };
  const runs: EffectiveMasks["runs"] = [];
  for (const step of steps) {
    const run = runs[runs.length - 1];
    if (run && run.mask === step.mask && run.source === step.source) run.endStep = step.idx;
    else runs.push({ startStep: step.idx, endStep: step.idx, mask: step.mask, source: step.source, proposed: step.proposed });
  }
  return { stepCount, steps, runs };
}
