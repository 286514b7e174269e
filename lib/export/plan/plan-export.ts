/**
 * Recipe → Plan: which episodes, how often, in which split and order. Every component is scanned
 * inside one read-only REPEATABLE READ transaction, so all counts and candidates come from one
 * snapshot of the corpus even while imports or reviews go on.
 */
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db";
import type { Recipe } from "../recipe/schema";
import type { Plan } from "../types";
import { assemblePlan, type AssemblePhase, type ScannedComponent } from "./assemble";
import type { ContentKeys } from "./content-keys";
import { buildDecontaminator, type Decontaminator } from "./decontaminate";
import { resolveDecontaminationLists } from "./decontamination-file";
import { resolveComponentFilter } from "./resolve-filter";
import { scanComponent, type ScanContext, type ScanProgress } from "./scan-component";
import { checkShares } from "./weights";

export type PlanProgress = ScanProgress | { phase: AssemblePhase };

export type PlanOptions = {
  onProgress?: (progress: PlanProgress) => void;
  /** Checked between batches; an abort rejects with the signal's reason. */
  signal?: AbortSignal;
  /** When given, saved views must be the actor's own or shared (as on the list); the CLI passes none. */
  actor?: Actor;
  /** Reads a decontamination list's `file` (tests replace it). */
  readListFile?: (file: string) => string[];
};

type Scanned = { components: ScannedComponent[]; keys: Map<number, ContentKeys>; decontaminated: Map<number, string> };

async function scanAll(recipe: Recipe, decontaminator: Decontaminator, options: PlanOptions): Promise<Scanned> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const context: ScanContext = {
      client,
      decontaminator,
      keys: new Map(),
      dedup: recipe.dedup,
      decontaminated: new Map(),
      onProgress: options.onProgress,
      signal: options.signal,
    };
    const components: ScannedComponent[] = [];
    for (const [index, component] of recipe.components.entries()) {
      const { filter, query } = await resolveComponentFilter(client, component, options.actor);
      components.push(await scanComponent(context, component, index, filter, query));
    }
    await client.query("COMMIT");
    return { components, keys: context.keys, decontaminated: context.decontaminated };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function planExport(recipe: Recipe, options: PlanOptions = {}): Promise<Plan> {
  // Whatever the recipe alone can refuse is refused before the corpus is read.
  checkShares(recipe.components);
  const decontaminator = buildDecontaminator(recipe.decontamination, resolveDecontaminationLists(recipe.decontamination.lists, options.readListFile));
  const { components, keys, decontaminated } = await scanAll(recipe, decontaminator, options);
  const decontamination = Object.fromEntries(decontaminator.names.map((name) => [name, 0]));
  for (const list of decontaminated.values()) decontamination[list]++;
  return assemblePlan({ recipe, components, keys, decontamination }, (phase) => options.onProgress?.({ phase }));
}
