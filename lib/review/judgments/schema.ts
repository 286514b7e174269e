/** Judgments and an episode's review over the HTTP API. */
import { z } from "zod";
import { labelSchema } from "@/lib/bulk/label";
import { scoresInputSchema, scoresSchema } from "../rubrics/scores";

export const verdicts = ["approve", "reject", "needs_changes"] as const;
export const verdictSchema = z.enum(verdicts);
export type Verdict = z.infer<typeof verdictSchema>;

/** The review status a verdict gives an episode. */
export const statusOfVerdict = { approve: "approved", reject: "rejected", needs_changes: "needs_changes" } as const;

const judgmentFields = {
  scores: scoresInputSchema.optional(),
  labels: z.array(labelSchema).max(100).optional().describe("Free labels, besides the ones choice dimensions give"),
  verdict: verdictSchema.nullable().optional(),
  reason: z.string().max(10_000).optional(),
  /** Submit (final for the queue slot); a submitted judgment can still be edited but stays submitted and complete. */
  submit: z.boolean().default(false),
};

export const judgmentCreateSchema = z.object({
  /** Defaults to the queue's rubric version when `queueId` is given. */
  rubricVersionId: z.number().int().positive().optional(),
  queueId: z.number().int().positive().nullable().optional(),
  ...judgmentFields,
});
export type JudgmentCreate = z.output<typeof judgmentCreateSchema>;

export const judgmentPatchSchema = z.object({
  /** The version the change was made on; a different current version is a 409 (someone else changed it). */
  version: z.number().int().positive(),
  ...judgmentFields,
});
export type JudgmentPatch = z.output<typeof judgmentPatchSchema>;

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const judgmentSchema = z.object({
  id: z.number().int(),
  episodeId: z.number().int(),
  annotator: person,
  rubricVersionId: z.number().int(),
  queueId: z.number().int().nullable(),
  scores: scoresSchema,
  labels: z.array(z.string()),
  verdict: verdictSchema.nullable(),
  reason: z.string(),
  status: z.enum(["draft", "submitted"]),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
});
export type Judgment = z.infer<typeof judgmentSchema>;

export const judgmentListSchema = z.object({
  items: z.array(judgmentSchema),
  /** Judgments hidden from the caller by blind review (they see their own until they submit). */
  hidden: z.number().int(),
});
export type JudgmentList = z.infer<typeof judgmentListSchema>;

export const adjudicationSchema = z.object({
  id: z.number().int(),
  episodeId: z.number().int(),
  queueId: z.number().int().nullable(),
  rubricVersionId: z.number().int().nullable(),
  reviewer: person,
  verdict: verdictSchema,
  reason: z.string(),
  scores: scoresSchema.nullable(),
  /** The submitted judgments the decision was made over. */
  sides: z.array(
    z.object({ judgmentId: z.number().int(), annotator: person, verdict: verdictSchema.nullable(), scores: scoresSchema, labels: z.array(z.string()), reason: z.string(), version: z.number().int() }),
  ),
  createdAt: z.iso.datetime(),
});
export type Adjudication = z.infer<typeof adjudicationSchema>;

export const adjudicationCreateSchema = z.object({
  queueId: z.number().int().positive().nullable().optional(),
  verdict: verdictSchema,
  reason: z.string().trim().min(1, "Say why: the reason is part of the record.").max(10_000),
  /** Final dimension values, checked against the queue's (or `rubricVersionId`'s) rubric version. */
  scores: scoresInputSchema.optional(),
  rubricVersionId: z.number().int().positive().optional(),
});
export type AdjudicationCreate = z.output<typeof adjudicationCreateSchema>;

export const episodeReviewSchema = z.object({
  episodeId: z.number().int(),
  reviewStatus: z.enum(["pending", "approved", "rejected", "needs_changes"]),
  reviewedAt: z.iso.datetime().nullable(),
  score: z.number().nullable(),
  labels: z.array(z.string()),
  annotators: z.array(z.string()),
  /** True when blind review hides others' judgments from the caller. */
  isBlind: z.boolean(),
  judgments: z.array(judgmentSchema),
  hiddenJudgments: z.number().int(),
  adjudications: z.array(adjudicationSchema),
  queues: z.array(z.object({ id: z.number().int(), name: z.string(), isBlind: z.boolean(), rubricVersionId: z.number().int(), status: z.enum(["open", "closed"]) })),
});
export type EpisodeReview = z.infer<typeof episodeReviewSchema>;
