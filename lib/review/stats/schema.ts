/** Annotator statistics over the HTTP API. */
import { z } from "zod";

const day = z.union([z.iso.date(), z.iso.datetime()]);

export const annotatorStatsQuerySchema = z.object({
  /** Start, inclusive (a date is its midnight UTC); default 30 days before `to`. */
  from: day.optional(),
  /** End, exclusive (a date means through that day); default now. */
  to: day.optional(),
  /** Only judgments given in this queue. */
  queue: z.coerce.number().int().positive().optional(),
});
export type AnnotatorStatsQuery = z.output<typeof annotatorStatsQuerySchema>;

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });
const count = z.number().int();

export const annotatorStatsSchema = z.object({
  annotator: person,
  /** Judgments submitted in the period. */
  submitted: count,
  perDay: z.array(z.object({ day: z.iso.date(), items: count })),
  /** Median seconds from claiming a slot (or starting the judgment, outside queues) to submitting it. */
  medianSecondsPerItem: z.number().nullable(),
  /** Cohen's kappa on verdicts with each peer who judged the same items, averaged weighting by shared items. */
  peerAgreement: z.object({ kappa: z.number().nullable(), peers: count, items: count }),
  /** Gold items judged in the period and how many matched every known answer. */
  gold: z.object({ items: count, correct: count, accuracy: z.number().nullable() }),
  verdicts: z.object({ approve: count, reject: count, needs_changes: count }),
});
export type AnnotatorStats = z.infer<typeof annotatorStatsSchema>;

export const annotatorStatsListSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  items: z.array(annotatorStatsSchema),
});
export type AnnotatorStatsList = z.infer<typeof annotatorStatsListSchema>;
