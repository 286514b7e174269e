/**
 * SWE-bench side files (predictions, per-instance and run-level reports) attach to episodes by
 * instance id. They are stored whether or not a matching episode exists yet and (re)applied to
 * every matching episode whenever either side arrives, inside the import's transaction.
 */
import type { PoolClient } from "pg";
import { z } from "zod";
import type { Attachment } from "@/lib/formats/format-module";
import { testListSchema } from "@/lib/formats/episode";
import { analyzePatch } from "@/lib/quality/patch";
import { cleanText, jsonText, sha256 } from "./to-rows";

const payloadSchema = z.object({
  patch: z.string().nullable().optional(),
  resolved: z.boolean().nullable().optional(),
  failToPass: testListSchema.nullable().optional(),
  passToPass: testListSchema.nullable().optional(),
  failToFail: testListSchema.nullable().optional(),
  passToFail: testListSchema.nullable().optional(),
});

export async function insertAttachments(
  client: PoolClient,
  batchId: number,
  items: readonly { attachment: Attachment; rawText: string }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const rows = items.map(({ attachment }) => {
    const { instanceId, model, source, ...payload } = attachment;
    const payloadJson = jsonText(payload);
    return { instanceId, model, source, payloadJson, hash: sha256(`${source}\n${instanceId}\n${model ?? ""}\n${payloadJson}`) };
  });
  const result = await client.query(
    `INSERT INTO attachments (instance_id, model, source, payload, content_hash, import_batch_id)
     SELECT i, m, s, p::jsonb, h, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(i, m, s, p, h)
     ON CONFLICT (content_hash) DO NOTHING`,
    [rows.map((r) => r.instanceId), rows.map((r) => r.model), rows.map((r) => r.source), rows.map((r) => r.payloadJson), rows.map((r) => r.hash), batchId],
  );
  return result.rowCount ?? 0;
}

type EpisodeState = {
  id: number;
  instance_id: string;
  model: string | null;
  final_patch: string | null;
  outcome: Record<string, unknown>;
  quality_flags: string[];
};

/** Re-applies every stored attachment of these instances to their episodes. */
export async function applyAttachmentsTo(client: PoolClient, instanceIds: readonly string[]): Promise<void> {
  if (instanceIds.length === 0) return;
  const attachments = await client.query<{ instance_id: string; model: string | null; source: string; payload: unknown }>(
    `SELECT instance_id, model, source, payload FROM attachments WHERE instance_id = ANY($1) ORDER BY id`,
    [instanceIds],
  );
  if (attachments.rows.length === 0) return;
  const episodes = await client.query<EpisodeState>(
    `SELECT e.id, e.instance_id, e.model, c.final_patch, c.outcome, e.quality_flags
     FROM episodes e JOIN episode_contents c ON c.episode_id = e.id
     WHERE e.instance_id = ANY($1)`,
    [[...new Set(attachments.rows.map((a) => a.instance_id))]],
  );
  const siblingCount = new Map<string, number>();
  for (const e of episodes.rows) siblingCount.set(e.instance_id, (siblingCount.get(e.instance_id) ?? 0) + 1);
  for (const episode of episodes.rows) {
    const isOnlyEpisode = siblingCount.get(episode.instance_id) === 1;
    const relevant = attachments.rows.filter(
      (a) => a.instance_id === episode.instance_id && (a.model === null || episode.model === null || a.model === episode.model || isOnlyEpisode),
    );
    if (relevant.length > 0) await applyTo(client, episode, relevant.map((a) => payloadSchema.parse(a.payload)));
  }
}

async function applyTo(client: PoolClient, episode: EpisodeState, payloads: z.infer<typeof payloadSchema>[]): Promise<void> {
  const outcome = { ...episode.outcome };
  let resolved: boolean | null | undefined;
  let patch = episode.final_patch;
  for (const payload of payloads) {
    if (payload.resolved !== undefined && payload.resolved !== null) resolved = payload.resolved;
    for (const key of ["failToPass", "passToPass", "failToFail", "passToFail"] as const) {
      if (payload[key]) outcome[key] = payload[key];
    }
    // A prediction supplies the patch only when the trajectory did not record one.
    if (payload.patch && !patch?.trim()) patch = cleanText(payload.patch);
  }
  if (resolved !== undefined) outcome.resolved = resolved;
  const lists = z.object({ failToPass: testListSchema.nullish(), passToPass: testListSchema.nullish() }).parse(outcome);
  const patchSignals = analyzePatch(patch);
  const flags = new Set(episode.quality_flags);
  if ((lists.passToPass?.failure.length ?? 0) > 0) flags.add("regression");
  if (patch?.trim()) flags.delete("empty_patch");
  await client.query(
    `UPDATE episodes SET resolved = COALESCE($2, resolved), f2p_pass = $3, f2p_fail = $4, p2p_pass = $5, p2p_fail = $6,
       patch_bytes = $7, files_touched = $8, quality_flags = $9, updated_at = now() WHERE id = $1`,
    [
      episode.id,
      resolved ?? null,
      lists.failToPass?.success.length ?? null,
      lists.failToPass?.failure.length ?? null,
      lists.passToPass?.success.length ?? null,
      lists.passToPass?.failure.length ?? null,
      patchSignals.bytes,
      patchSignals.filesTouched,
      [...flags].sort(),
    ],
  );
  await client.query(`UPDATE episode_contents SET outcome = $2::jsonb, final_patch = $3 WHERE episode_id = $1`, [episode.id, jsonText(outcome), patch]);
}
