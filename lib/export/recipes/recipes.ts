/**
 * Saved recipes. A save never edits a version: it appends the next one, so every export names
 * exactly the recipe it ran and an old version can be re-run later. Every save is audited.
 */
import type { Actor } from "@/lib/auth/actor";
import { actorUserId } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { pool } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { iso, isUniqueViolation, personJson, type Queryable } from "@/lib/review/sql";
import { recipeSchema } from "../recipe/schema";
import type { RecipeSave, RecipeVersion, SavedRecipe, SavedRecipeList } from "./schema";

const versionSelect = `SELECT v.id, v.recipe_id AS "recipeId", v.version, v.content AS recipe, ${personJson("vu")} AS "createdBy", ${iso("v.created_at")} AS "createdAt",
    (SELECT count(*)::int FROM export_jobs j WHERE j.recipe_version_id = v.id) AS exports
  FROM export_recipe_versions v LEFT JOIN users vu ON vu.id = v.created_by_id`;

function typed(row: RecipeVersion): RecipeVersion {
  return { ...row, recipe: recipeSchema.parse(row.recipe) };
}

export async function getRecipeVersion(versionId: number, client: Queryable = pool): Promise<RecipeVersion> {
  const result = await client.query<RecipeVersion>(`${versionSelect} WHERE v.id = $1`, [versionId]);
  if (result.rows.length === 0) throw new NotFoundError("Recipe version");
  return typed(result.rows[0]);
}

async function readRecipes(client: Queryable, id: number | null): Promise<SavedRecipe[]> {
  const result = await client.query<Omit<SavedRecipe, "current"> & { currentId: number }>(
    `SELECT r.id, r.name, ${personJson("ru")} AS "createdBy", ${iso("r.created_at")} AS "createdAt", ${iso("r.updated_at")} AS "updatedAt",
       (SELECT id FROM export_recipe_versions WHERE recipe_id = r.id ORDER BY version DESC LIMIT 1) AS "currentId",
       (SELECT json_agg(json_build_object('id', v.id, 'version', v.version, 'createdAt', ${iso("v.created_at")}) ORDER BY v.version DESC)
          FROM export_recipe_versions v WHERE v.recipe_id = r.id) AS versions
     FROM export_recipes r LEFT JOIN users ru ON ru.id = r.created_by_id
     WHERE $1::int IS NULL OR r.id = $1 ORDER BY lower(r.name), r.id`,
    [id],
  );
  const recipes: SavedRecipe[] = [];
  for (const { currentId, ...recipe } of result.rows) {
    recipes.push({ ...recipe, current: await getRecipeVersion(currentId, client) });
  }
  return recipes;
}

export async function listRecipes(): Promise<SavedRecipeList> {
  const recipes = await readRecipes(pool, null);
  return { items: recipes.map(({ versions: _versions, ...rest }) => rest) };
}

export async function getRecipe(id: number, client: Queryable = pool): Promise<SavedRecipe> {
  const [recipe] = await readRecipes(client, id);
  if (!recipe) throw new NotFoundError("Recipe");
  return recipe;
}

async function appendVersion(client: Queryable, recipeId: number, actor: Actor, save: RecipeSave): Promise<number> {
  const result = await client.query<{ id: number; version: number }>(
    `INSERT INTO export_recipe_versions (recipe_id, version, content, created_by_id)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM export_recipe_versions WHERE recipe_id = $1
     RETURNING id, version`,
    [recipeId, JSON.stringify(save.recipe), actorUserId(actor)],
  );
  return result.rows[0].id;
}

function conflictOnName(name: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, "export_recipes_name_key")) throw new ConflictError(`A recipe named "${name}" already exists. Pick another name.`);
    throw error;
  };
}

export async function createRecipe(actor: Actor, save: RecipeSave): Promise<SavedRecipe> {
  const name = save.name ?? save.recipe.name;
  return withTransaction(async (client) => {
    const created = await client
      .query<{ id: number }>(`INSERT INTO export_recipes (name, created_by_id, updated_at) VALUES ($1, $2, now()) RETURNING id`, [name, actorUserId(actor)])
      .catch(conflictOnName(name));
    const id = created.rows[0].id;
    const versionId = await appendVersion(client, id, actor, save);
    await recordAudit(client, { actor, action: "export_recipe.create", targetType: "export_recipe", targetId: id, after: { name, versionId, recipe: save.recipe } });
    return getRecipe(id, client);
  });
}

/** Saves the next version (and renames when a new name is given). */
export async function saveRecipeVersion(actor: Actor, id: number, save: RecipeSave): Promise<SavedRecipe> {
  return withTransaction(async (client) => {
    const before = await getRecipe(id, client);
    const name = save.name ?? before.name;
    if (name !== before.name)
      await client.query(`UPDATE export_recipes SET name = $2, updated_at = now() WHERE id = $1`, [id, name]).catch(conflictOnName(name));
    else await client.query(`UPDATE export_recipes SET updated_at = now() WHERE id = $1`, [id]);
    const versionId = await appendVersion(client, id, actor, save);
    await recordAudit(client, {
      actor,
      action: "export_recipe.version",
      targetType: "export_recipe",
      targetId: id,
      before: { name: before.name, versionId: before.current.id, recipe: before.current.recipe },
      after: { name, versionId, recipe: save.recipe },
    });
    return getRecipe(id, client);
  });
}
