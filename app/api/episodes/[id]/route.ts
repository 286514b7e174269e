import { z } from "zod";
import { getEpisode } from "@/lib/episodes/read-episode";
import { notFound, route } from "@/lib/http";

const idSchema = z.coerce.number().int().positive();

export const GET = route({ role: "viewer" }, async ({ params }) => {
  const episode = await getEpisode(idSchema.parse(params.id));
  if (!episode) throw notFound("Episode");
  return episode;
});
