import { z } from "zod";
import { route } from "@/lib/http";
import { searchSteps, stepSearchQuerySchema } from "@/lib/viewer/search-steps";

const idSchema = z.coerce.number().int().positive();

/** The indexes of the steps that contain `q` (case-insensitive), in order. */
export const GET = route({ role: "viewer", query: stepSearchQuerySchema }, async ({ params, query }) =>
  searchSteps(idSchema.parse(params.id), query.q),
);
