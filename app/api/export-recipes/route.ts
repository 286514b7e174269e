import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { createRecipe, listRecipes } from "@/lib/export/recipes/recipes";
import { recipeSaveSchema } from "@/lib/export/recipes/schema";

/** Saved export recipes with their current version. Reviewers and admins export. */
export const GET = route({ role: "reviewer" }, () => listRecipes());

/** Save a new recipe as version 1. 409 when the name is taken. */
export const POST = route({ role: "reviewer", body: recipeSaveSchema }, async ({ actor, body }) =>
  NextResponse.json(await createRecipe(checkRole(actor, "reviewer"), body), { status: 201 }),
);
