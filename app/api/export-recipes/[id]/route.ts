import { z } from "zod";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { getRecipe, saveRecipeVersion } from "@/lib/export/recipes/recipes";
import { recipeSaveSchema } from "@/lib/export/recipes/schema";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** A recipe, its current version and the list of earlier ones. */
export const GET = route({ role: "reviewer" }, ({ params }) => getRecipe(idSchema.parse(params.id)));

/** Save the next version (versions never change once written). */
export const PUT = route({ role: "reviewer", body: recipeSaveSchema }, ({ actor, params, body }) => saveRecipeVersion(checkRole(actor, "reviewer"), idSchema.parse(params.id), body));
