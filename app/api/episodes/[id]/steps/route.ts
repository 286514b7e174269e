import { z } from "zod";
import { getSteps, stepRangeSchema } from "@/lib/episodes/read-episode";
import { route } from "@/lib/http";

const idSchema = z.coerce.number().int().positive();

export const GET = route({ role: "viewer", query: stepRangeSchema }, async ({ params, query }) => ({
  steps: await getSteps(idSchema.parse(params.id), query),
}));
