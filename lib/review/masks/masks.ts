/**
 * Step masks: people (annotator and up, where they may open the episode) mark step ranges as
 * train / context / drop; proposals come from quality signals until someone confirms or overrides
 * them. Every change is audited on the episode.
 */
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { pool } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { assertMayOpen } from "../access";
import { iso, lockEpisode, personId, type Queryable } from "../sql";
import { effectiveMasks, pendingProposals } from "./effective";
import { proposalSignalsSchema, proposeMasks } from "./proposals";
import type { EffectiveMasks, EpisodeMasks, MaskConfirm, MaskCreate, MaskProposal, StepMask } from "./schema";

const columns = `m.id, m.episode_id AS "episodeId", m.start_step AS "startStep", m.end_step AS "endStep", m.mask, m.reason,
  m.proposal_key AS "proposalKey", false AS proposed, json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS "createdBy", ${iso("m.created_at")} AS "createdAt"`;

async function readMasks(client: Queryable, where: string, params: unknown[]): Promise<StepMask[]> {
  const result = await client.query<StepMask>(`SELECT ${columns} FROM step_masks m JOIN users u ON u.id = m.created_by_id WHERE ${where} ORDER BY m.id`, params);
  return result.rows;
}

async function readEpisodeMasks(client: Queryable, episodeId: number): Promise<EpisodeMasks & { allProposals: MaskProposal[] }> {
  const episode = await client.query<{ stepCount: number; quality: unknown }>(
    `SELECT e.step_count AS "stepCount", c.quality FROM episodes e LEFT JOIN episode_contents c ON c.episode_id = e.id WHERE e.id = $1`,
    [episodeId],
  );
  if (episode.rows.length === 0) throw new NotFoundError("Episode");
  const { stepCount, quality } = episode.rows[0];
  const signals = proposalSignalsSchema.safeParse(quality ?? {});
  const allProposals = signals.success ? proposeMasks(signals.data, stepCount) : [];
  const masks = await readMasks(client, "m.episode_id = $1", [episodeId]);
  return { stepCount, masks, proposals: pendingProposals(allProposals, masks), allProposals };
}

export async function getEpisodeMasks(episodeId: number): Promise<EpisodeMasks> {
  const { allProposals: _all, ...masks } = await readEpisodeMasks(pool, episodeId);
  return masks;
}

export async function getEffectiveMasks(episodeId: number): Promise<EffectiveMasks> {
  const { stepCount, masks, allProposals } = await readEpisodeMasks(pool, episodeId);
  return effectiveMasks(stepCount, masks, allProposals);
}

const auditView = (m: Pick<StepMask, "startStep" | "endStep" | "mask" | "reason" | "proposalKey">) => ({
  startStep: m.startStep,
  endStep: m.endStep,
  mask: m.mask,
  reason: m.reason,
  proposalKey: m.proposalKey,
});

async function insertMask(client: Queryable, actor: Actor, episodeId: number, input: MaskCreate, userId: string): Promise<StepMask> {
  const inserted = await client.query<{ id: number }>(
    `INSERT INTO step_masks (episode_id, start_step, end_step, mask, reason, proposal_key, created_by_id) VALUES ($1, $2, $3, $4::"TrainingMask", $5, $6, $7) RETURNING id`,
    [episodeId, input.startStep, input.endStep, input.mask, input.reason, input.proposalKey ?? null, userId],
  );
  const [mask] = await readMasks(client, "m.id = $1", [inserted.rows[0].id]);
  await recordAudit(client, { actor, action: "mask.create", targetType: "episode", targetId: episodeId, after: auditView(mask), meta: { maskId: mask.id } });
  return mask;
}

export async function createMask(actor: Actor, episodeId: number, input: MaskCreate): Promise<StepMask> {
  const userId = personId(actor, "Training masks");
  return withTransaction(async (client) => {
    await lockEpisode(client, episodeId);
    await assertMayOpen(client, actor, episodeId);
    const { stepCount, proposals } = await readEpisodeMasks(client, episodeId);
    if (input.endStep >= stepCount) throw new InvalidInputError(`Episode ${episodeId} has ${stepCount} steps (0–${stepCount - 1}); the range ends at ${input.endStep}.`);
    if (input.proposalKey !== undefined && !proposals.some((p) => p.key === input.proposalKey))
      throw new InvalidInputError(`There is no pending proposal "${input.proposalKey}" on this episode.`);
    return insertMask(client, actor, episodeId, input, userId);
  });
}

/** Accepts pending proposals as proposed: each becomes a person's mask. */
export async function confirmProposals(actor: Actor, episodeId: number, input: MaskConfirm): Promise<{ items: StepMask[] }> {
  const userId = personId(actor, "Training masks");
  return withTransaction(async (client) => {
    await lockEpisode(client, episodeId);
    await assertMayOpen(client, actor, episodeId);
    const { proposals } = await readEpisodeMasks(client, episodeId);
    const unknown = (input.keys ?? []).filter((key) => !proposals.some((p) => p.key === key));
    if (unknown.length > 0) throw new InvalidInputError(`No pending proposal ${unknown.map((k) => `"${k}"`).join(", ")} on this episode.`);
    const chosen = input.keys ? proposals.filter((p) => input.keys!.includes(p.key)) : proposals;
    const items: StepMask[] = [];
    for (const p of chosen)
      items.push(await insertMask(client, actor, episodeId, { startStep: p.startStep, endStep: p.endStep, mask: p.mask, reason: p.reason, proposalKey: p.key }, userId));
    return { items };
  });
}

export async function deleteMask(actor: Actor, episodeId: number, maskId: number): Promise<{ id: number }> {
  return withTransaction(async (client) => {
    await lockEpisode(client, episodeId);
    const [before] = await readMasks(client, "m.id = $1 AND m.episode_id = $2", [maskId, episodeId]);
    if (!before) throw new NotFoundError("Mask");
    const isAuthor = actor.type === "user" && actor.id === before.createdBy.id;
    if (!isAuthor && !hasRole(actor.role, "reviewer")) throw new AuthError(403, "Only whoever set a mask or a reviewer can remove it.");
    if (isAuthor) await assertMayOpen(client, actor, episodeId);
    await client.query(`DELETE FROM step_masks WHERE id = $1`, [maskId]);
    await recordAudit(client, { actor, action: "mask.delete", targetType: "episode", targetId: episodeId, before: auditView(before), meta: { maskId } });
    return { id: maskId };
  });
}
