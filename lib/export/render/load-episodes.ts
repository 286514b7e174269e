/**
 * Streams what the renderers need about the planned episodes, in plan order, never the raw
 * record: per chunk of ids, the episodes with their contents and people's masks (one query each,
 * the next chunk's fetched while this one renders), and their steps through a cursor, in the
 * order of the ids (`unnest … WITH ORDINALITY` ⋈ the steps index, so PostgreSQL streams without
 * sorting), read STEP_ROWS_PER_READ rows at a time with the next read in flight while these
 * render. Memory is bounded by one read of steps and two chunks of episode rows, whatever the
 * export size; and since every step dies young (it is rendered moments after it arrives), the
 * garbage collector copies little: loading a 100-episode batch at a time kept a batch alive
 * through its rendering, and collecting it cost more than parsing it.
 *
 * Masks are the effective masks the episode page shows (lib/review/masks): a person's mask
 * always wins; pending proposals (stuck loop → context, secret → drop) count only with
 * `useProposedMasks`, otherwise the steps they cover are "train".
 */
import Cursor from "pg-cursor";
import type pg from "pg";
import { z } from "zod";
import { pool } from "@/lib/db";
import { episodeKinds, pullRequestSchema } from "@/lib/formats/episode";
import { effectiveMasks, type SetMask } from "@/lib/review/masks/effective";
import { proposalSignalsSchema, proposeMasks } from "@/lib/review/masks/proposals";
import { trainingMaskSchema } from "@/lib/review/masks/schema";
import { effectivePatch } from "@/lib/viewer/outcome-summary";
import type { ExportEpisode } from "../types";
import { parseStepRow, type StepRow } from "./step-row";

/** Episodes (and their masks) per query. */
export const EXPORT_EPISODE_CHUNK = 500;
/** Step rows per cursor read. */
const STEP_ROWS_PER_READ = 500;

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

type Head = { row: EpisodeRow; masks: SetMask[] };

const kindSchema = z.enum(episodeKinds);

const maskRowSchema = z.object({
  episodeId: z.number().int(),
  id: z.number().int(),
  startStep: z.number().int(),
  endStep: z.number().int(),
  mask: trainingMaskSchema,
  proposalKey: z.string().nullable(),
});

/**
 * One item per id, in the order of `ids` (an id may repeat: an upsampled episode is read again):
 * the episode, or undefined when it does not exist (deleted since the plan was made).
 */
export async function* streamExportEpisodes(
  ids: readonly number[],
  options: LoadOptions,
  { chunk = EXPORT_EPISODE_CHUNK, rowsPerRead = STEP_ROWS_PER_READ } = {},
): AsyncGenerator<ExportEpisode | undefined> {
  if (ids.length === 0) return;
  const prefetch = (from: number) => {
    const loading = loadHeads(ids.slice(from, from + chunk));
    // Still pending when the consumer stops (abort, error): not an unhandled rejection.
    loading.catch(() => undefined);
    return loading;
  };
  const client = await pool.connect();
  let isBroken = false;
  try {
    let nextHeads = prefetch(0);
    for (let start = 0; start < ids.length; start += chunk) {
      const chunkIds = ids.slice(start, start + chunk);
      const heads = await nextHeads;
      if (start + chunk < ids.length) nextHeads = prefetch(start + chunk);
      const steps = new StepReader(client, chunkIds, rowsPerRead);
      try {
        for (const id of chunkIds) {
          const rows = await steps.take(id);
          const head = heads.get(id);
          // Steps go with their episode (ON DELETE CASCADE): none for an episode that has some means it was deleted after its row was read.
          yield head && (rows.length > 0 || head.row.stepCount === 0) ? toExportEpisode(head.row, rows, head.masks, options) : undefined;
        }
      } catch (error) {
        isBroken = true;
        throw error;
      } finally {
        if (!isBroken) await steps.close();
      }
    }
  } finally {
    // A cursor left mid-read leaves the connection in an unknown state: drop it rather than reuse it.
    client.release(isBroken);
  }
}

/** The episodes of `ids` that exist, by id (tests and small callers; exports stream). */
export async function loadExportEpisodes(ids: readonly number[], options: LoadOptions): Promise<Map<number, ExportEpisode>> {
  const unique = [...new Set(ids)];
  const result = new Map<number, ExportEpisode>();
  let position = 0;
  for await (const episode of streamExportEpisodes(unique, options)) {
    if (episode) result.set(unique[position], episode);
    position++;
  }
  return result;
}

/** Episodes with their contents and masks, by id. */
async function loadHeads(ids: readonly number[]): Promise<Map<number, Head>> {
  const unique = [...new Set(ids)];
  const [episodes, masks] = await Promise.all([
    pool.query<EpisodeRow>(
      `SELECT e.id, e.kind, e.source_format AS "sourceFormat", e.instance_id AS "instanceId", e.repo, e.agent, e.model, e.resolved,
         e.exit_status_class AS "exitStatusClass", e.review_status AS "reviewStatus", e.labels, e.step_count AS "stepCount",
         e.token_count AS "tokenCount", b.options ->> 'tokenizer' AS "importTokenizer",
         c.task_text AS "taskText", c.base_commit AS "baseCommit", c.final_patch AS "finalPatch", c.gold_patch AS "goldPatch",
         c.test_patch AS "testPatch", c.pull_request AS "pullRequest", c.attached, c.quality -> 'loop' AS loop, c.quality -> 'secrets' AS secrets
       FROM episodes e LEFT JOIN episode_contents c ON c.episode_id = e.id LEFT JOIN import_batches b ON b.id = e.import_batch_id WHERE e.id = ANY($1::int[])`,
      [unique],
    ),
    pool.query(
      `SELECT episode_id AS "episodeId", id, start_step AS "startStep", end_step AS "endStep", mask, proposal_key AS "proposalKey"
       FROM step_masks WHERE episode_id = ANY($1::int[]) ORDER BY id`,
      [unique],
    ),
  ]);
  const masksOf = groupBy(masks.rows.map((row) => maskRowSchema.parse(row)));
  return new Map(episodes.rows.map((row) => [row.id, { row, masks: masksOf.get(row.id) ?? [] }]));
}

type RawStep = { episodeId: number; idx: number };

/**
 * The steps of a list of episode ids, in that order, through a cursor. An episode's rows end
 * where the episode id changes or the step index starts again (the same id twice in a row).
 */
class StepReader {
  private readonly cursor: Cursor<RawStep>;
  private rows: (RawStep | undefined)[] = [];
  private position = 0;
  private next: Promise<RawStep[]> | null;
  private parsed = 0;

  constructor(client: pg.PoolClient, ids: readonly number[], private readonly rowsPerRead: number) {
    this.cursor = client.query(
      new Cursor<RawStep>(
        `SELECT s.episode_id AS "episodeId", s.idx, s.role, s.parts, s.meta
         FROM unnest($1::int[]) WITH ORDINALITY AS o(id, ord)
         CROSS JOIN LATERAL (SELECT * FROM steps WHERE steps.episode_id = o.id ORDER BY steps.idx) s`,
        [ids],
      ),
    );
    this.next = this.read();
  }

  /** The step rows of the next id in the list, which is `id`. */
  async take(id: number): Promise<StepRow[]> {
    const steps: StepRow[] = [];
    for (;;) {
      if (this.position === this.rows.length && !(await this.fill())) return steps;
      const row = this.rows[this.position]!;
      if (row.episodeId !== id || (steps.length > 0 && row.idx <= steps[steps.length - 1].idx)) return steps;
      this.rows[this.position++] = undefined;
      steps.push(parseStepRow(row, this.parsed++));
    }
  }

  /** Waits for the read in flight (closing under it would race its rows), then closes the portal. */
  async close(): Promise<void> {
    await this.next?.catch(() => undefined);
    await this.cursor.close();
  }

  /** Takes the read in flight and starts the next, so PostgreSQL produces while these render. */
  private async fill(): Promise<boolean> {
    if (!this.next) return false;
    const rows = await this.next;
    this.next = rows.length < this.rowsPerRead ? null : this.read();
    this.rows = rows;
    this.position = 0;
    return rows.length > 0;
  }

  private read(): Promise<RawStep[]> {
    const reading = this.cursor.read(this.rowsPerRead);
    // A read still in flight when the consumer fails must not become an unhandled rejection.
    reading.catch(() => undefined);
    return reading;
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
