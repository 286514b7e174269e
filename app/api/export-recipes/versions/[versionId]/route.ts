import { z } from "zod";
import { route } from "@/lib/http";
import { getRecipeVersion } from "@/lib/export/recipes/recipes";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** One version of a recipe, as it was saved. */
export const GET = route({ role: "reviewer" }, ({ params }) => getRecipeVersion(idSchema.parse(params.versionId)));
