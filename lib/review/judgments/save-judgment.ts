/**
 * Saving a judgment: create mine, or change one (mine, or anyone's for a reviewer) with the
 * version I last saw. One transaction: lock the episode, check access, check scores against the
 * rubric version, write, complete the queue slot on submit, recompute the episode's review
 * columns, write the audit event.
 */
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { pool } from "@/lib/db";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { assertMayOpen, lockSlotForJudging } from "../access";
import { lockRubricVersion } from "../rubrics/rubrics";
import { mergeScores, type Scores } from "../rubrics/scores";
import { isUniqueViolation, lockEpisode, personId, type Queryable } from "../sql";
import { refreshEpisodeReview } from "./episode-state";
import { readJudgment } from "./read";
import type { Judgment, JudgmentCreate, JudgmentPatch } from "./schema";

type Changes = Omit<JudgmentPatch, "version">;

function auditView(j: Judgment) {
  return { scores: j.scores, labels: j.labels, verdict: j.verdict, reason: j.reason, status: j.status, version: j.version, rubricVersionId: j.rubricVersionId, queueId: j.queueId };
}

/** The row after applying `changes` to `current`, validated (complete once submitted). */
async function nextValues(client: Queryable, rubricVersionId: number, current: Pick<Judgment, "scores" | "labels" | "verdict" | "reason" | "status">, changes: Changes) {
  const { dimensions } = await lockRubricVersion(client, rubricVersionId);
  const isSubmitted = changes.submit || current.status === "submitted";
  const scores: Scores = mergeScores(dimensions, current.scores, changes.scores ?? {}, isSubmitted);
  const verdict = changes.verdict === undefined ? current.verdict : changes.verdict;
  if (isSubmitted && !verdict) throw new InvalidInputError("Give a verdict (approve, reject or needs changes) before submitting.", { verdict: "required" });
  const labels = changes.labels ? [...new Set(changes.labels)].sort() : current.labels;
  return { scores, labels, verdict, reason: changes.reason ?? current.reason, status: isSubmitted ? ("submitted" as const) : ("draft" as const) };
}

async function completeSlot(client: Queryable, slotId: number, judgmentId: number): Promise<void> {
  await client.query(
    `UPDATE queue_slots SET status = 'submitted', submitted_at = coalesce(submitted_at, now()), reserved_until = NULL, judgment_id = $2 WHERE id = $1`,
    [slotId, judgmentId],
  );
}

async function finish(client: Queryable, actor: Actor, action: string, before: Judgment | null, id: number): Promise<Judgment> {
  const after = (await readJudgment(client, id))!;
  await refreshEpisodeReview(client, after.episodeId);
  await recordAudit(client, {
    actor,
    action,
    targetType: "episode",
    targetId: after.episodeId,
    before: before && auditView(before),
    after: auditView(after),
    meta: { judgmentId: id, annotatorId: after.annotator.id, queueId: after.queueId },
  });
  return after;
}

export async function createJudgment(actor: Actor, episodeId: number, input: JudgmentCreate): Promise<Judgment> {
  const annotatorId = personId(actor, "Judgments");
  const queueId = input.queueId ?? null;
  try {
    return await withTransaction(async (client) => {
      await lockEpisode(client, episodeId);
      const slot = queueId === null ? null : await lockSlotForJudging(client, annotatorId, queueId, episodeId);
      if (!slot) await assertMayOpen(client, actor, episodeId);
      if (slot && slot.status === "closed") throw new ConflictError("This queue is closed.");
      const rubricVersionId = input.rubricVersionId ?? slot?.rubricVersionId;
      if (!rubricVersionId) throw new InvalidInputError("Say which rubric version the judgment is given under (rubricVersionId).", { rubricVersionId: "required" });
      if (slot && rubricVersionId !== slot.rubricVersionId)
        throw new InvalidInputError(`This queue judges under rubric version ${slot.rubricVersionId}, not ${rubricVersionId}.`, { rubricVersionId: "mismatch" });
      const values = await nextValues(client, rubricVersionId, { scores: {}, labels: [], verdict: null, reason: "", status: "draft" }, input);
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO judgments (episode_id, annotator_id, rubric_version_id, queue_id, scores, labels, verdict, reason, status, submitted_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::text[], $7::"Verdict", $8, $9::"JudgmentStatus", CASE WHEN $9 = 'submitted' THEN now() END, now()) RETURNING id`,
        [episodeId, annotatorId, rubricVersionId, queueId, JSON.stringify(values.scores), values.labels, values.verdict, values.reason, values.status],
      );
      const id = inserted.rows[0].id;
      if (slot && values.status === "submitted") await completeSlot(client, slot.slotId, id);
      return finish(client, actor, values.status === "submitted" ? "judgment.submit" : "judgment.create", null, id);
    });
  } catch (error) {
    if (!isUniqueViolation(error, "judgments_identity_key")) throw error;
    const existing = await pool.query<{ id: number; version: number }>(
      `SELECT id, version FROM judgments WHERE episode_id = $1 AND annotator_id = $2 AND queue_id IS NOT DISTINCT FROM $4::int
         AND rubric_version_id = coalesce($3::int, (SELECT rubric_version_id FROM review_queues WHERE id = $4::int))`,
      [episodeId, annotatorId, input.rubricVersionId ?? null, queueId],
    );
    throw new ConflictError("You already have a judgment of this episode under this rubric version here: change that one instead.", existing.rows[0] && { judgmentId: existing.rows[0].id, version: existing.rows[0].version });
  }
}

export async function updateJudgment(actor: Actor, episodeId: number, judgmentId: number, patch: JudgmentPatch): Promise<Judgment> {
  return withTransaction(async (client) => {
    await lockEpisode(client, episodeId);
    const locked = await client.query(`SELECT id FROM judgments WHERE id = $1 AND episode_id = $2 FOR UPDATE`, [judgmentId, episodeId]);
    if (locked.rows.length === 0) throw new NotFoundError("Judgment");
    const before = (await readJudgment(client, judgmentId))!;
    const isOwn = actor.type === "user" && actor.id === before.annotator.id;
    if (!isOwn && !hasRole(actor.role, "reviewer")) throw new AuthError(403, "Only its annotator or a reviewer can change a judgment.");
    if (before.version !== patch.version)
      throw new ConflictError(`Someone else changed this judgment (now version ${before.version}, you edited version ${patch.version}). Reload to see their change, then redo yours.`, {
        currentVersion: before.version,
      });
    const slot = isOwn && before.queueId !== null ? await lockSlotForJudging(client, before.annotator.id, before.queueId, episodeId) : null;
    if (isOwn && !slot) await assertMayOpen(client, actor, episodeId);
    if (slot && slot.status === "closed") throw new ConflictError("This queue is closed: its judgments can no longer change.");
    const values = await nextValues(client, before.rubricVersionId, before, patch);
    await client.query(
      `UPDATE judgments SET scores = $2::jsonb, labels = $3::text[], verdict = $4::"Verdict", reason = $5, status = $6::"JudgmentStatus",
         submitted_at = CASE WHEN $6 = 'submitted' THEN coalesce(submitted_at, now()) END, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [judgmentId, JSON.stringify(values.scores), values.labels, values.verdict, values.reason, values.status],
    );
    if (slot && values.status === "submitted") await completeSlot(client, slot.slotId, judgmentId);
    const isSubmit = before.status === "draft" && values.status === "submitted";
    return finish(client, actor, isSubmit ? "judgment.submit" : "judgment.update", before, judgmentId);
  });
}
