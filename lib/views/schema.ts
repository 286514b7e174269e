/** Saved views over the HTTP API: what a request may send and what comes back. */
import { z } from "zod";

const name = z.string().trim().min(1, "Give the view a name.").max(100, "Names are at most 100 characters.");
/** Any episode-list query string (with or without `?`); stored in canonical form. */
const query = z.string().max(8000).describe("The list's URL query, e.g. model=a&steps=60.. (canonicalized before saving)");

export const savedViewCreateSchema = z.object({ name, query, isShared: z.boolean().default(false) });
export type SavedViewCreate = z.output<typeof savedViewCreateSchema>;

export const savedViewPatchSchema = z
  .object({ name: name.optional(), query: query.optional(), isShared: z.boolean().optional() })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), "Send at least one of name, query, isShared.");
export type SavedViewPatch = z.output<typeof savedViewPatchSchema>;

export const savedViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Canonical filter query: `/episodes?<query>` opens the view. */
  query: z.string(),
  isShared: z.boolean(),
  /** Whether the caller owns it (and so may rename, share, delete it). */
  isMine: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
export type SavedViewList = z.infer<typeof savedViewListSchema>;
