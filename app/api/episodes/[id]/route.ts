import { z } from "zod";
import { getEpisode } from "@/lib/episodes/read-episode";
import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http";

const idSchema = z.coerce.number().int().positive();

export const GET = route({ role: "viewer" }, async ({ params }) => {
  const episode = await getEpisode(idSchema.parse(params.id));
  if (!episode) throw new NotFoundError("Episode");
  return episode;
});
