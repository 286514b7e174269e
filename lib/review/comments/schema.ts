/** Comments on an episode or on one of its steps, over the HTTP API. */
import { z } from "zod";

const body = z.string().trim().min(1, "Write something.").max(10_000);

export const commentCreateSchema = z.object({
  body,
  /** Index of the step the comment is about; omit or null for the whole episode. */
  stepIdx: z.number().int().min(0).nullable().optional(),
});
export type CommentCreate = z.output<typeof commentCreateSchema>;

export const commentPatchSchema = z.object({ body });
export type CommentPatch = z.output<typeof commentPatchSchema>;

export const commentSchema = z.object({
  id: z.number().int(),
  episodeId: z.number().int(),
  stepIdx: z.number().int().nullable(),
  body: z.string(),
  author: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Comment = z.infer<typeof commentSchema>;

export const commentListSchema = z.object({ items: z.array(commentSchema), hidden: z.number().int() });
export type CommentList = z.infer<typeof commentListSchema>;

export const commentDeletedSchema = z.object({ id: z.number().int() });
