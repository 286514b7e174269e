/** Agreement, conflicts and gold accuracy of a queue over the HTTP API. */
import { z } from "zod";
import { adjudicationSchema, judgmentSchema } from "../judgments/schema";

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });
const count = z.number().int();

export const raterPairSchema = z.object({ a: person, b: person, kappa: z.number().nullable(), items: count });

export const dimensionAgreementSchema = z.object({
  /** A rubric dimension key, or "verdict". */
  key: z.string(),
  label: z.string(),
  type: z.enum(["verdict", "ordinal", "boolean", "single_choice", "multi_choice"]),
  level: z.enum(["ordinal", "nominal"]),
  /** Krippendorff's alpha; null when undefined (fewer than two values per item, or no variation at all). */
  alpha: z.number().nullable(),
  /** Items with at least two values: the ones alpha rests on. */
  items: count,
  /** Values behind alpha. */
  values: count,
  /** Cohen's kappa for each pair of annotators over the items both judged. */
  pairs: z.array(raterPairSchema),
});
export type DimensionAgreement = z.infer<typeof dimensionAgreementSchema>;

export const goldAccuracySchema = z.object({
  annotator: person,
  /** Gold items the annotator submitted. */
  items: count,
  /** Of those, how many matched every known answer (verdict and gold dimension values). */
  correct: count,
  accuracy: z.number().nullable(),
});
export type GoldAccuracy = z.infer<typeof goldAccuracySchema>;

export const queueAgreementSchema = z.object({
  queueId: count,
  rubricVersionId: count,
  /** Items with at least one submitted judgment. */
  judgedItems: count,
  annotators: z.array(person),
  verdict: dimensionAgreementSchema,
  dimensions: z.array(dimensionAgreementSchema),
  gold: z.array(goldAccuracySchema),
});
export type QueueAgreement = z.infer<typeof queueAgreementSchema>;

export const conflictQuerySchema = z.object({ status: z.enum(["open", "resolved", "all"]).default("open") });

export const conflictSchema = z.object({
  itemId: count,
  episodeId: count,
  /** What the submitted judgments disagree on. */
  disagreements: z.object({ verdict: z.boolean(), dimensions: z.array(z.string()) }),
  judgments: z.array(judgmentSchema),
  /** The newest adjudication of this item in this queue; null while the conflict is open. */
  adjudication: adjudicationSchema.nullable(),
});
export const conflictListSchema = z.object({ items: z.array(conflictSchema) });
export type Conflict = z.infer<typeof conflictSchema>;
export type ConflictList = z.infer<typeof conflictListSchema>;
