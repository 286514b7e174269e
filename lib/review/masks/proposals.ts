/**
 * Default masks proposed from an episode's quality signals: the steps of a detected stuck loop
 * are context only (the model sees them, is not trained to repeat them); a step where something
 * that looks like a secret was found is dropped. Pure; the keys are stable so a person's decision
 * on a proposal can be recorded against it.
 */
import { z } from "zod";
import { loopSchema } from "@/lib/quality/loops";
import { secretFindingSchema } from "@/lib/quality/secrets";
import type { MaskProposal } from "./schema";

/** The parts of episode_contents.quality proposals read; older rows may lack them. */
export const proposalSignalsSchema = z.object({
  loop: loopSchema.nullable().optional(),
  secrets: z.array(secretFindingSchema).optional(),
});
export type ProposalSignals = z.infer<typeof proposalSignalsSchema>;

export function proposeMasks(signals: ProposalSignals, stepCount: number): MaskProposal[] {
  const proposals: MaskProposal[] = [];
  const last = stepCount - 1;
  const loop = signals.loop;
  if (loop && loop.startStep <= last) {
    const endStep = Math.min(loop.endStep, last);
    proposals.push({
      key: `loop:${loop.startStep}-${endStep}`,
      startStep: loop.startStep,
      endStep,
      mask: "context",
      reason: `Stuck loop (${loop.kind.replaceAll("_", " ")}): keep as context, do not train on it.`,
      proposed: true,
    });
  }
  const secretSteps = new Map<number, string[]>();
  for (const secret of signals.secrets ?? [])
    if (secret.stepIndex !== null && secret.stepIndex <= last) secretSteps.set(secret.stepIndex, [...(secretSteps.get(secret.stepIndex) ?? []), secret.kind]);
  for (const [step, kinds] of [...secretSteps].sort(([a], [b]) => a - b))
    proposals.push({ key: `secret:${step}`, startStep: step, endStep: step, mask: "drop", reason: `Looks like a secret (${[...new Set(kinds)].join(", ")}): drop the step.`, proposed: true });
  return proposals;
}
