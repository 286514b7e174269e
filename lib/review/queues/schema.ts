/** Review queues over the HTTP API: creation, claiming slots, progress. */
import { z } from "zod";
import { filterQuerySchema } from "@/lib/bulk/schema";
import { scoresInputSchema, scoresSchema } from "../rubrics/scores";
import { judgmentSchema, verdictSchema } from "../judgments/schema";

/** Most items a queue snapshots; a wider filter is refused so a queue stays workable. */
export const MAX_QUEUE_ITEMS = 20_000;

export const goldItemSchema = z
  .object({
    episodeId: z.number().int().positive(),
    verdict: verdictSchema.optional(),
    /** Known dimension values, checked against the queue's rubric version. */
    scores: scoresInputSchema.optional(),
  })
  .refine((g) => g.verdict !== undefined || Object.keys(g.scores ?? {}).length > 0, "A gold item needs a known verdict, known scores, or both.");
export type GoldItemInput = z.output<typeof goldItemSchema>;

const name = z.string().trim().min(1, "Give the queue a name.").max(100);

export const queueCreateSchema = z
  .object({
    name,
    description: z.string().max(4000).default(""),
    /** The rubric's current version is used; or name a version with rubricVersionId. */
    rubricId: z.number().int().positive().optional(),
    rubricVersionId: z.number().int().positive().optional(),
    /** Items: the episodes a saved view matches now... */
    viewId: z.number().int().positive().optional(),
    /** ...or that a filter (the episode list's URL query) matches now. */
    query: filterQuerySchema.optional(),
    overlap: z.number().int().min(1).max(20).default(1).describe("Annotators per item"),
    isBlind: z.boolean().default(false).describe("Annotators see others' judgments of an item only after submitting their own"),
    reservationSeconds: z.number().int().min(1).max(7 * 24 * 3600).default(1800).describe("How long a claimed slot stays reserved"),
    gold: z.array(goldItemSchema).max(1000).default([]),
  })
  .refine((q) => (q.rubricId === undefined) !== (q.rubricVersionId === undefined), { message: "Give exactly one of rubricId, rubricVersionId.", path: ["rubricId"] })
  .refine((q) => (q.viewId === undefined) !== (q.query === undefined), { message: "Give exactly one of viewId, query.", path: ["query"] });
export type QueueCreate = z.output<typeof queueCreateSchema>;

export const queuePatchSchema = z
  .object({
    name: name.optional(),
    description: z.string().max(4000).optional(),
    status: z.enum(["open", "closed"]).optional(),
    isBlind: z.boolean().optional(),
    reservationSeconds: z.number().int().min(1).max(7 * 24 * 3600).optional(),
    /** Only upwards: adds slots to every item. */
    overlap: z.number().int().min(1).max(20).optional(),
    /** Only while nothing in the queue has been judged. */
    rubricVersionId: z.number().int().positive().optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), "Send at least one field to change.");
export type QueuePatch = z.output<typeof queuePatchSchema>;

export const queueGoldSchema = z.object({ items: z.array(goldItemSchema).min(1).max(1000) });
export type QueueGold = z.output<typeof queueGoldSchema>;

const count = z.number().int();

export const queueProgressSummarySchema = z.object({
  items: count,
  slots: count,
  submitted: count,
  /** Slots held by someone whose reservation has not expired. */
  reserved: count,
  /** Slots anyone may claim (never claimed, released, or reservation expired). */
  open: count,
  /** Items every slot of which is submitted. */
  itemsComplete: count,
});

export const queueSchema = z.object({
  id: count,
  name: z.string(),
  description: z.string(),
  rubricVersionId: count,
  rubric: z.object({ id: count, name: z.string(), version: count }),
  sourceViewId: count.nullable(),
  sourceQuery: z.string(),
  overlap: count,
  isBlind: z.boolean(),
  reservationSeconds: count,
  status: z.enum(["open", "closed"]),
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  progress: queueProgressSummarySchema,
  /**
   * The caller's own part: submitted slots and the slot they hold, if any, with its episode and
   * reservation expiry (in the past when it lapsed: still theirs until someone else claims it).
   */
  mine: z.object({ submitted: count, reservedSlotId: count.nullable(), reservedEpisodeId: count.nullable(), reservedUntil: z.iso.datetime().nullable() }),
});
export type Queue = z.infer<typeof queueSchema>;

export const queueListSchema = z.object({ items: z.array(queueSchema) });
export type QueueList = z.infer<typeof queueListSchema>;

export const claimedSlotSchema = z.object({
  id: count,
  queueId: count,
  itemId: count,
  episodeId: count,
  slotNo: count,
  claimedAt: z.iso.datetime(),
  reservedUntil: z.iso.datetime(),
});
export type ClaimedSlot = z.infer<typeof claimedSlotSchema>;

export const claimResultSchema = z.object({
  /** null when nothing is left for the caller in this queue. */
  slot: claimedSlotSchema.nullable(),
  rubricVersionId: count,
  /** The caller's draft of this item, when they started one before. */
  judgment: judgmentSchema.nullable(),
  /** Items the caller could still claim after this one. */
  remaining: count,
});
export type ClaimResult = z.infer<typeof claimResultSchema>;

export const slotActionResultSchema = z.object({ slotId: count, status: z.literal("open") });

export const queueProgressSchema = z.object({
  queueId: count,
  overall: queueProgressSummarySchema,
  annotators: z.array(
    z.object({
      annotator: z.object({ id: z.string(), name: z.string(), email: z.string() }),
      submitted: count,
      reserved: count,
      skipped: count,
      /** Items they could still claim. */
      available: count,
    }),
  ),
});
export type QueueProgress = z.infer<typeof queueProgressSchema>;

export const queueItemSchema = z.object({
  id: count,
  episodeId: count,
  position: count,
  isGold: z.boolean(),
  goldVerdict: verdictSchema.nullable(),
  goldScores: scoresSchema.nullable(),
  submitted: count,
  reserved: count,
  /** The item's live reservations: whose, and until when. */
  reservations: z.array(z.object({ slotId: count, annotator: z.object({ id: z.string(), name: z.string(), email: z.string() }), reservedUntil: z.iso.datetime() })),
});
export const queueItemListSchema = z.object({ items: z.array(queueItemSchema) });
export type QueueItem = z.infer<typeof queueItemSchema>;
