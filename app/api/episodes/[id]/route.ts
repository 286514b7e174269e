import { z } from "zod";
import { getEpisode } from "@/lib/episodes/read-episode";
import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http";
import { blindRedaction } from "@/lib/review/blind-redaction";
import { redactRow } from "@/lib/search/redaction";

const idSchema = z.coerce.number().int().positive();

/** One episode; its review fields withheld while blind review hides them from the caller. */
export const GET = route({ role: "viewer" }, async ({ actor, params }) => {
  const episode = await getEpisode(idSchema.parse(params.id));
  if (!episode) throw new NotFoundError("Episode");
  return redactRow(episode, await blindRedaction(actor, [episode.id]));
});
