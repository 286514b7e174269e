import { z } from "zod";
import { getEpisodeEdits } from "@/lib/diff/read-edits";
import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http";

const idSchema = z.coerce.number().int().positive();

/** Every part that tells how the episode's files changed, in step order, and its final patch. */
export const GET = route({ role: "viewer" }, async ({ params }) => {
  const edits = await getEpisodeEdits(idSchema.parse(params.id));
  if (!edits) throw new NotFoundError("Episode");
  return edits;
});
