/**
 * A component's filter: its `filter` query, or the query its saved view holds now (recorded in
 * the report, so the manifest says what "the view" meant at export time). Parsed strictly: a
 * dropped condition would silently widen what goes into a training mixture.
 */
import type pg from "pg";
import { actorUserId, type Actor } from "@/lib/auth/actor";
import { filterQuerySchema } from "@/lib/bulk/schema";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { toSearchParams, type EpisodeFilter } from "@/lib/search/filter";
import type { RecipeComponent } from "../recipe/schema";

export type ResolvedFilter = { filter: EpisodeFilter; query: string };

type Queryable = Pick<pg.PoolClient, "query">;

/** Without an actor (the CLI) any view is readable; with one, only its own or shared views. */
async function viewQuery(client: Queryable, component: RecipeComponent, viewId: number, actor: Actor | undefined): Promise<string> {
  const result = actor
    ? await client.query<{ query: string }>(`SELECT query FROM saved_views WHERE id = $1 AND (is_shared OR owner_id = $2)`, [viewId, actorUserId(actor)])
    : await client.query<{ query: string }>(`SELECT query FROM saved_views WHERE id = $1`, [viewId]);
  if (result.rows.length === 0) throw new NotFoundError(`Saved view ${viewId} (component "${component.name}")`);
  return result.rows[0].query;
}

export async function resolveComponentFilter(client: Queryable, component: RecipeComponent, actor?: Actor): Promise<ResolvedFilter> {
  const raw = component.viewId !== undefined ? await viewQuery(client, component, component.viewId, actor) : (component.filter ?? "");
  const parsed = filterQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message);
    const source = component.viewId !== undefined ? `saved view ${component.viewId}` : "filter";
    throw new InvalidInputError(`Component "${component.name}": its ${source} is not a valid episode filter (${problems.join("; ")}).`, { problems });
  }
  return { filter: parsed.data, query: toSearchParams(parsed.data).toString() };
}
