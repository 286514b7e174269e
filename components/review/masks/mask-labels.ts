/** How masks read on screen, and which proposal a range decides. Pure. */
import type { MaskProposal, TrainingMask } from "@/lib/review/masks/schema";

export const maskLabels: Record<TrainingMask, string> = { train: "train", context: "context only", drop: "drop" };

export const maskTones: Record<TrainingMask, string> = {
  train: "border-green-300 bg-green-50 text-green-900",
  context: "border-amber-300 bg-amber-50 text-amber-900",
  drop: "border-red-300 bg-red-50 text-red-900",
};

export function stepRange(startStep: number, endStep: number): string {
  return startStep === endStep ? `step ${startStep}` : `steps ${startStep}–${endStep}`;
}

/**
 * The pending proposal a mask over [startStep, endStep] decides: one it covers whole (setting it
 * overrides the proposal, which then stops being proposed). A range that covers only part of a
 * proposal decides nothing about the rest of it.
 */
export function decidedProposal(proposals: readonly MaskProposal[], startStep: number, endStep: number): string | undefined {
  return proposals.find((p) => p.startStep >= startStep && p.endStep <= endStep)?.key;
}
