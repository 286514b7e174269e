import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http";
import { episodeFilterSchema } from "@/lib/search/filter";
import { findNeighbors } from "@/lib/viewer/neighbors";

const idSchema = z.coerce.number().int().positive();

/** The episodes before and after this one in the filter's order: `{ previous, next }` (ids or null). */
export const GET = route({ role: "viewer", query: episodeFilterSchema }, async ({ params, query }) => {
  const neighbors = await findNeighbors(idSchema.parse(params.id), query);
  if (!neighbors) throw new NotFoundError("Episode");
  return neighbors;
});
