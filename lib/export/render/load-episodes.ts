/**
 * Loads what the renderers need about a batch of episodes in three queries (episodes with their
 * contents, steps in order, people's masks), never the raw record. The caller batches the plan's
 * ids (EXPORT_LOAD_BATCH at a time, or `iterateExportEpisodes`), so memory is bounded by one
 * batch's steps, whatever the corpus size.
 *
 * Masks are the effective masks the episode page shows (lib/review/masks): a person's mask
 * always wins; pending proposals (stuck loop → context, secret → drop) count only with
 * `useProposedMasks`, otherwise the steps they cover are "train".
 */
import { z } from "zod";
import { pool } from "@/lib/db";
import { episodeKinds, pullRequestSchema } from "@/lib/formats/episode";
import { effectiveMasks, type SetMask } from "@/lib/review/masks/effective";
import { proposalSignalsSchema, proposeMasks } from "@/lib/review/masks/proposals";
import { trainingMaskSchema } from "@/lib/review/masks/schema";
import { effectivePatch } from "@/lib/viewer/outcome-summary";
import type { ExportEpisode } from "../types";
import { parseStepRow, type StepRow } from "./step-row";

export const EXPORT_LOAD_BATCH = 100;

export type LoadOptions = { useProposedMasks: boolean };

/** The row behind an ExportEpisode: its columns as stored, plus what masks, the patch and the import's count are derived from. */
type EpisodeRow = Omit<ExportEpisode, "kind" | "steps" | "importTokens"> & {
  kind: string;
  stepCount: number;
  tokenCount: number;
  importTokenizer: string | null;
  attached: unknown;
  loop: unknown;
  secrets: unknown;
};

const kindSchema = z.enum(episodeKinds);

const maskRowSchema = z.object({
  episodeId: z.number().int(),
  id: z.number().int(),
  startStep: z.number().int(),
  endStep: z.number().int(),
  mask: trainingMaskSchema,
  proposalKey: z.string().nullable(),
});

/** The episodes of `ids` that exist, by id (a Map; iterate `ids` for plan order). */
export async function loadExportEpisodes(ids: readonly number[], options: LoadOptions): Promise<Map<number, ExportEpisode>> {
  const result = new Map<number, ExportEpisode>();
  if (ids.length === 0) return result;
  const unique = [...new Set(ids)];
  const [episodes, steps, masks] = await Promise.all([
    pool.query<EpisodeRow>(
      `SELECT e.id, e.kind, e.source_format AS "sourceFormat", e.instance_id AS "instanceId", e.repo, e.agent, e.model, e.resolved,
         e.exit_status_class AS "exitStatusClass", e.review_status AS "reviewStatus", e.labels, e.step_count AS "stepCount",
         e.token_count AS "tokenCount", b.options ->> 'tokenizer' AS "importTokenizer",
         c.task_text AS "taskText", c.base_commit AS "baseCommit", c.final_patch AS "finalPatch", c.gold_patch AS "goldPatch",
         c.test_patch AS "testPatch", c.pull_request AS "pullRequest", c.attached, c.quality -> 'loop' AS loop, c.quality -> 'secrets' AS secrets
       FROM episodes e LEFT JOIN episode_contents c ON c.episode_id = e.id LEFT JOIN import_batches b ON b.id = e.import_batch_id WHERE e.id = ANY($1::int[])`,
      [unique],
    ),
    pool.query(`SELECT episode_id AS "episodeId", idx, role, parts, meta FROM steps WHERE episode_id = ANY($1::int[]) ORDER BY episode_id, idx`, [unique]),
    pool.query(
      `SELECT episode_id AS "episodeId", id, start_step AS "startStep", end_step AS "endStep", mask, proposal_key AS "proposalKey"
       FROM step_masks WHERE episode_id = ANY($1::int[]) ORDER BY id`,
      [unique],
    ),
  ]);
  const masksOf = groupBy(masks.rows.map((row) => maskRowSchema.parse(row)));
  const stepsOf = groupBy(steps.rows.map((row, i) => parseStepRow(row, i)));
  for (const row of episodes.rows) result.set(row.id, toExportEpisode(row, stepsOf.get(row.id) ?? [], masksOf.get(row.id) ?? [], options));
  return result;
}

/** Episodes in the order of `ids` (missing ones skipped), loaded `batchSize` at a time. */
export async function* iterateExportEpisodes(ids: readonly number[], options: LoadOptions, batchSize = EXPORT_LOAD_BATCH): AsyncGenerator<ExportEpisode> {
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const loaded = await loadExportEpisodes(batch, options);
    for (const id of batch) {
      const episode = loaded.get(id);
      if (episode) yield episode;
    }
  }
}

function groupBy<T extends { episodeId: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.episodeId);
    if (group) group.push(row);
    else groups.set(row.episodeId, [row]);
  }
  return groups;
}

function toExportEpisode(row: EpisodeRow, steps: StepRow[], masks: SetMask[], options: LoadOptions): ExportEpisode {
  const signals = proposalSignalsSchema.safeParse(withoutNulls({ loop: row.loop, secrets: row.secrets }));
  const proposals = options.useProposedMasks && signals.success ? proposeMasks(signals.data, row.stepCount) : [];
  const effective = effectiveMasks(row.stepCount, masks, proposals);
  const pullRequest = row.pullRequest == null ? null : pullRequestSchema.parse(row.pullRequest);
  return {
    id: row.id,
    kind: kindSchema.parse(row.kind),
    sourceFormat: row.sourceFormat,
    instanceId: row.instanceId,
    repo: row.repo,
    agent: row.agent,
    model: row.model,
    resolved: row.resolved,
    exitStatusClass: row.exitStatusClass,
    reviewStatus: row.reviewStatus,
    labels: row.labels,
    taskText: row.taskText,
    baseCommit: row.baseCommit,
    // The patch the episode page shows: recorded, else a SWE-bench predictions file's.
    finalPatch: effectivePatch(row.finalPatch, row.attached),
    goldPatch: row.goldPatch,
    testPatch: row.testPatch,
    pullRequest,
    importTokens: row.importTokenizer === null ? null : { tokenizer: row.importTokenizer, total: row.tokenCount },
    steps: steps.map((step) => ({
      idx: step.idx,
      role: step.role,
      parts: step.parts,
      // Steps past step_count (never expected) are trained on, like any step without a mask.
      mask: effective.steps[step.idx]?.mask ?? "train",
      ...(step.meta && Object.keys(step.meta).length > 0 ? { meta: step.meta } : {}),
    })),
  };
}

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}
