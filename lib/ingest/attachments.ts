/**
 * SWE-bench side files (predictions, per-instance and run-level reports) attach to episodes by
 * instance id. They are stored whether or not a matching episode exists yet, and an episode's
 * effective outcome is recomputed from what its trajectory recorded plus every stored attachment
 * whenever either side arrives or leaves (undo), inside the caller's transaction.
 */
import type { PoolClient } from "pg";
import { z } from "zod";
import type { Attachment } from "@/lib/formats/format-module";
import { testListSchema, type TestList } from "@/lib/formats/episode";
import { analyzePatch, patchFiles } from "@/lib/quality/patch";
import { cleanText, jsonText, sha256 } from "./to-rows";

const payloadSchema = z.object({
  patch: z.string().nullable().optional(),
  resolved: z.boolean().nullable().optional(),
  failToPass: testListSchema.nullable().optional(),
  passToPass: testListSchema.nullable().optional(),
  failToFail: testListSchema.nullable().optional(),
  passToFail: testListSchema.nullable().optional(),
});
type Payload = z.infer<typeof payloadSchema>;

/** What attachments contribute to one episode (stored in `episode_contents.attached`). */
export const attachedSchema = z.object({
  resolved: z.boolean().optional(),
  failToPass: testListSchema.optional(),
  passToPass: testListSchema.optional(),
  failToFail: testListSchema.optional(),
  passToFail: testListSchema.optional(),
  patch: z.string().optional(),
  sources: z.array(z.string()),
});
export type Attached = z.infer<typeof attachedSchema>;

const recordedSchema = z.object({
  resolved: z.boolean().nullable().optional(),
  failToPass: testListSchema.nullable().optional(),
  passToPass: testListSchema.nullable().optional(),
});

export async function insertAttachments(
  client: PoolClient,
  batchId: number,
  items: readonly { attachment: Attachment }[],
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

/** Folds attachments, oldest first, into what they contribute; null when they add nothing. */
export function combineAttachments(payloads: readonly { source: string; payload: Payload }[]): Attached | null {
  if (payloads.length === 0) return null;
  const attached: Attached = { sources: [] };
  for (const { source, payload } of payloads) {
    attached.sources.push(source);
    // Trust `resolved` over `patch_successfully_applied`: parsers already chose; later files win.
    if (typeof payload.resolved === "boolean") attached.resolved = payload.resolved;
    for (const key of ["failToPass", "passToPass", "failToFail", "passToFail"] as const) {
      const list = payload[key];
      if (list) attached[key] = list;
    }
    if (payload.patch?.trim()) attached.patch = cleanText(payload.patch);
  }
  return attached;
}

type EpisodeState = {
  id: number;
  instance_id: string;
  model: string | null;
  recorded_patch: string | null;
  outcome: unknown;
  base_flags: unknown;
};

/** Recomputes the effective outcome of every episode of these instances. */
export async function applyAttachmentsTo(client: PoolClient, instanceIds: readonly string[]): Promise<void> {
  if (instanceIds.length === 0) return;
  const attachments = await client.query<{ instance_id: string; model: string | null; source: string; payload: unknown }>(
    `SELECT instance_id, model, source, payload FROM attachments WHERE instance_id = ANY($1) ORDER BY id`,
    [instanceIds],
  );
  const episodes = await client.query<EpisodeState>(
    `SELECT e.id, e.instance_id, e.model, c.final_patch AS recorded_patch, c.outcome, c.quality -> 'flags' AS base_flags
     FROM episodes e JOIN episode_contents c ON c.episode_id = e.id
     WHERE e.instance_id = ANY($1) AND (c.attached IS NOT NULL OR e.instance_id = ANY($2))`,
    [instanceIds, [...new Set(attachments.rows.map((a) => a.instance_id))]],
  );
  const siblings = new Map<string, number>();
  for (const e of episodes.rows) siblings.set(e.instance_id, (siblings.get(e.instance_id) ?? 0) + 1);
  for (const episode of episodes.rows) {
    // A side file naming a model applies to that model's episodes; a lone episode takes it anyway,
    // because prediction files name runs, not always models.
    const isOnly = siblings.get(episode.instance_id) === 1;
    const relevant = attachments.rows.filter(
      (a) => a.instance_id === episode.instance_id && (a.model === null || episode.model === null || a.model === episode.model || isOnly),
    );
    const attached = combineAttachments(relevant.map((a) => ({ source: a.source, payload: payloadSchema.parse(a.payload) })));
    await writeEffective(client, episode, attached);
  }
}

function count(list: TestList | null | undefined, side: "success" | "failure"): number | null {
  return list ? list[side].length : null;
}

async function writeEffective(client: PoolClient, episode: EpisodeState, attached: Attached | null): Promise<void> {
  const recorded = recordedSchema.parse(episode.outcome ?? {});
  const failToPass = attached?.failToPass ?? recorded.failToPass ?? null;
  const passToPass = attached?.passToPass ?? recorded.passToPass ?? null;
  const resolved = attached?.resolved ?? recorded.resolved ?? null;
  const patch = episode.recorded_patch?.trim() ? episode.recorded_patch : (attached?.patch ?? null);
  const patchSignals = analyzePatch(patch);
  const flags = new Set(z.array(z.string()).catch([]).parse(episode.base_flags));
  if ((passToPass?.failure.length ?? 0) > 0) flags.add("regression");
  if (patch?.trim()) flags.delete("empty_patch");
  await client.query(
    `UPDATE episodes SET resolved = $2, f2p_pass = $3, f2p_fail = $4, p2p_pass = $5, p2p_fail = $6,
       patch_bytes = $7, files_touched = $8, quality_flags = $9, updated_at = now(),
       touched_paths = CASE WHEN $10::text[] = '{}' THEN touched_paths
         ELSE array_to_string(ARRAY(SELECT DISTINCT p FROM unnest(string_to_array(touched_paths, E'\n') || $10::text[]) AS p WHERE p <> ''), E'\n') END
     WHERE id = $1`,
    [
      episode.id,
      resolved,
      count(failToPass, "success"),
      count(failToPass, "failure"),
      count(passToPass, "success"),
      count(passToPass, "failure"),
      patchSignals.bytes,
      patchSignals.filesTouched,
      [...flags].sort(),
      // A patch that only a side file supplies adds its paths (never removes the edits' own).
      patch === episode.recorded_patch ? [] : patchFiles(patch ?? "").paths,
    ],
  );
  await client.query(`UPDATE episode_contents SET attached = $2::jsonb WHERE episode_id = $1`, [episode.id, attached ? jsonText(attached) : null]);
}
