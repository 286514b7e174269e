/** Step-level training masks over the HTTP API. */
import { z } from "zod";

export const trainingMasks = ["train", "context", "drop"] as const;
export const trainingMaskSchema = z.enum(trainingMasks).describe("train: trained on; context: kept in the input, not trained on; drop: left out");
export type TrainingMask = z.infer<typeof trainingMaskSchema>;

export const maskCreateSchema = z
  .object({
    startStep: z.number().int().min(0),
    endStep: z.number().int().min(0).describe("Inclusive"),
    mask: trainingMaskSchema,
    reason: z.string().max(2000).default(""),
    /** The proposal this mask confirms or overrides; it then stops being proposed. */
    proposalKey: z.string().max(200).optional(),
  })
  .refine((m) => m.endStep >= m.startStep, { message: "endStep must not be before startStep.", path: ["endStep"] });
export type MaskCreate = z.output<typeof maskCreateSchema>;

export const maskConfirmSchema = z.object({
  /** Proposal keys to accept as proposed; omit to accept every pending proposal. */
  keys: z.array(z.string().max(200)).max(1000).optional(),
});
export type MaskConfirm = z.output<typeof maskConfirmSchema>;

export const maskProposalSchema = z.object({
  key: z.string(),
  startStep: z.number().int(),
  endStep: z.number().int(),
  mask: trainingMaskSchema,
  reason: z.string(),
  proposed: z.literal(true),
});
export type MaskProposal = z.infer<typeof maskProposalSchema>;

export const stepMaskSchema = z.object({
  id: z.number().int(),
  episodeId: z.number().int(),
  startStep: z.number().int(),
  endStep: z.number().int(),
  mask: trainingMaskSchema,
  reason: z.string(),
  proposalKey: z.string().nullable(),
  proposed: z.literal(false),
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  createdAt: z.iso.datetime(),
});
export type StepMask = z.infer<typeof stepMaskSchema>;

export const episodeMasksSchema = z.object({
  stepCount: z.number().int(),
  /** What people set, oldest first (later ones win where they overlap). */
  masks: z.array(stepMaskSchema),
  /** Defaults from quality signals that no one has confirmed or overridden yet. */
  proposals: z.array(maskProposalSchema),
});
export type EpisodeMasks = z.infer<typeof episodeMasksSchema>;

export const effectiveStepSchema = z.object({
  idx: z.number().int(),
  mask: trainingMaskSchema,
  /** mask: a person set it; proposal: a pending proposal; default: nothing applies (train). */
  source: z.enum(["mask", "proposal", "default"]),
  proposed: z.boolean(),
  maskId: z.number().int().nullable(),
  proposalKey: z.string().nullable(),
});
export type EffectiveStep = z.infer<typeof effectiveStepSchema>;

export const effectiveMasksSchema = z.object({
  stepCount: z.number().int(),
  steps: z.array(effectiveStepSchema),
  /** The same, as maximal runs of equal mask and source. */
  runs: z.array(z.object({ startStep: z.number().int(), endStep: z.number().int(), mask: trainingMaskSchema, source: z.enum(["mask", "proposal", "default"]), proposed: z.boolean() })),
});
export type EffectiveMasks = z.infer<typeof effectiveMasksSchema>;

export const maskConfirmResultSchema = z.object({ items: z.array(stepMaskSchema) });
export const maskDeletedSchema = z.object({ id: z.number().int() });
