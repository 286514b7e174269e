/**
 * manifest.json: everything needed to reproduce and verify an export — the resolved recipe, the
 * plan report, and per shard its records (episode, component, copy, in order), tokens, bytes and
 * sha256. Written last, so its presence means the export is complete.
 */
import { z } from "zod";
import { recipeSchema, type Recipe } from "@/lib/export/recipe/schema";
import type { PlanReport } from "@/lib/export/types";
import { appVersion } from "./app-version";
import { finishedShardSchema, type FinishedShard } from "./finished-shard";
import { planReportSchema } from "./plan-report-schema";
import { finalShardPath } from "./shard-names";
import { writeTallySchema, type WriteTally } from "./tally";

const count = z.number().int().min(0);
const sumSchema = z.object({ records: count, tokens: count, bytes: count, shards: count });

/** A shard in the manifest: the finished shard under its final name (temporary name and index dropped). */
export const manifestShardSchema = finishedShardSchema.omit({ partialPath: true, index: true }).extend({ path: z.string() });
export type ManifestShard = z.infer<typeof manifestShardSchema>;

export const exportManifestSchema = z.object({
  manifestVersion: z.literal(1),
  name: z.string(),
  recipe: recipeSchema,
  recipeVersionId: z.number().int().nullable(),
  appVersion: z.string(),
  createdAt: z.iso.datetime(),
  tokenizer: z.string(),
  components: z.array(
    z.object({ name: z.string(), filter: z.string(), records: count, tokens: count, truncated: count, dropped: z.record(z.string(), count) }),
  ),
  splits: z.object({ train: sumSchema, validation: sumSchema }),
  totals: sumSchema,
  licenses: writeTallySchema.shape.licenses,
  plan: planReportSchema,
  shards: z.array(manifestShardSchema),
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;

export function tokenizerName(tokenizer: Recipe["tokenizer"]): string {
  return tokenizer.type === "tokenizer-json" ? `tokenizer-json:${tokenizer.path}` : tokenizer.type;
}

export type ManifestInput = {
  recipe: Recipe;
  recipeVersionId: number | null;
  plan: PlanReport;
  /** Every finished shard, in split then index order. */
  shards: FinishedShard[];
  tally: WriteTally;
  createdAt: Date;
};

export function buildManifest({ recipe, recipeVersionId, plan, shards, tally, createdAt }: ManifestInput): ExportManifest {
  const shardsIn = (split: string) => shards.filter((s) => s.split === split);
  const manifestShards: ManifestShard[] = shards.map(({ partialPath: _partial, index, ...shard }) => ({
    ...shard,
    path: finalShardPath(shard.split, index, shardsIn(shard.split).length, shard.format),
  }));
  const sum = (list: FinishedShard[]) => ({
    records: list.reduce((n, s) => n + s.records, 0),
    tokens: list.reduce((n, s) => n + s.tokens, 0),
    bytes: list.reduce((n, s) => n + s.bytes, 0),
    shards: list.length,
  });
  const components = recipe.components.map((component, i) => ({
    name: component.name,
    filter: plan.components[i]?.filter ?? "",
    records: shards.reduce((n, s) => n + s.entries.filter((e) => e[1] === i).length, 0),
    tokens: shards.reduce((n, s) => n + (s.tokensByComponent[i] ?? 0), 0),
    truncated: tally.truncated[i] ?? 0,
    dropped: tally.dropped[i] ?? {},
  }));
  return {
    manifestVersion: 1,
    name: recipe.name,
    recipe,
    recipeVersionId,
    appVersion,
    createdAt: createdAt.toISOString(),
    tokenizer: tokenizerName(recipe.tokenizer),
    components,
    splits: { train: sum(shardsIn("train")), validation: sum(shardsIn("validation")) },
    totals: sum(shards),
    licenses: tally.licenses,
    plan,
    shards: manifestShards,
  };
}

/** report.json: the dedup pairs in full, decontamination counts and every drop — no timestamps, so reruns match byte for byte. */
export function buildReport(manifest: ExportManifest) {
  const { plan, components } = manifest;
  return {
    name: manifest.name,
    dedup: plan.dedup,
    decontamination: plan.decontamination,
    components: components.map((c, i) => ({
      name: c.name,
      filter: c.filter,
      matched: plan.components[i]?.matched ?? 0,
      droppedByPlan: plan.components[i]?.dropped ?? {},
      droppedByRender: c.dropped,
      truncated: c.truncated,
      records: c.records,
      tokens: c.tokens,
    })),
  };
}
