import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http";
import { episodeFilterSchema } from "@/lib/search/filter";
import { findNeighbors } from "@/lib/viewer/neighbors";
import { blindRedaction } from "@/lib/review/blind-redaction";

const idSchema = z.coerce.number().int().positive();

/** The episodes before and after this one in the filter's order: `{ previous, next }` (ids or null). */
export const GET = route({ role: "viewer", query: episodeFilterSchema }, async ({ actor, params, query }) => {
  const neighbors = await findNeighbors(idSchema.parse(params.id), query, await blindRedaction(actor));
  if (!neighbors) throw new NotFoundError("Episode");
  return neighbors;
});
