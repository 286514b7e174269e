/**
 * Comments: anyone who may open the episode (annotator and up) comments on it or on one step;
 * the author edits; the author or a reviewer deletes. Blind review hides others' comments like
 * their judgments. Every change is audited on the episode.
 */
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { pool } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { assertMayOpen, isBlindFor } from "../access";
import { assertEpisodeExists, iso, personId, type Queryable } from "../sql";
import type { Comment, CommentCreate, CommentList, CommentPatch } from "./schema";

const columns = `c.id, c.episode_id AS "episodeId", c.step_idx AS "stepIdx", c.body,
  json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS author, ${iso("c.created_at")} AS "createdAt", ${iso("c.updated_at")} AS "updatedAt"`;

async function readComments(client: Queryable, where: string, params: unknown[]): Promise<Comment[]> {
  const result = await client.query<Comment>(`SELECT ${columns} FROM episode_comments c JOIN users u ON u.id = c.author_id WHERE ${where} ORDER BY c.id`, params);
  return result.rows;
}

export async function listComments(actor: Actor, episodeId: number): Promise<CommentList> {
  await assertEpisodeExists(pool, episodeId);
  const all = await readComments(pool, "c.episode_id = $1", [episodeId]);
  const items = (await isBlindFor(pool, actor, episodeId)) ? all.filter((c) => actor.type === "user" && c.author.id === actor.id) : all;
  return { items, hidden: all.length - items.length };
}

const auditView = (c: Comment) => ({ body: c.body, stepIdx: c.stepIdx, authorId: c.author.id });

export async function createComment(actor: Actor, episodeId: number, input: CommentCreate): Promise<Comment> {
  const authorId = personId(actor, "Comments");
  return withTransaction(async (client) => {
    const episode = await client.query<{ stepCount: number }>(`SELECT step_count AS "stepCount" FROM episodes WHERE id = $1`, [episodeId]);
    if (episode.rows.length === 0) throw new NotFoundError("Episode");
    await assertMayOpen(client, actor, episodeId);
    const stepIdx = input.stepIdx ?? null;
    if (stepIdx !== null && stepIdx >= episode.rows[0].stepCount)
      throw new InvalidInputError(`Episode ${episodeId} has ${episode.rows[0].stepCount} steps (0–${episode.rows[0].stepCount - 1}); there is no step ${stepIdx}.`);
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO episode_comments (episode_id, author_id, step_idx, body, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
      [episodeId, authorId, stepIdx, input.body],
    );
    const [comment] = await readComments(client, "c.id = $1", [inserted.rows[0].id]);
    await recordAudit(client, { actor, action: "comment.create", targetType: "episode", targetId: episodeId, after: auditView(comment), meta: { commentId: comment.id } });
    return comment;
  });
}

async function lockComment(client: Queryable, episodeId: number, commentId: number): Promise<Comment> {
  const locked = await client.query(`SELECT id FROM episode_comments WHERE id = $1 AND episode_id = $2 FOR UPDATE`, [commentId, episodeId]);
  if (locked.rows.length === 0) throw new NotFoundError("Comment");
  return (await readComments(client, "c.id = $1", [commentId]))[0];
}

export async function updateComment(actor: Actor, episodeId: number, commentId: number, patch: CommentPatch): Promise<Comment> {
  return withTransaction(async (client) => {
    const before = await lockComment(client, episodeId, commentId);
    if (actor.type !== "user" || actor.id !== before.author.id) throw new AuthError(403, "Only its author can edit a comment.");
    await client.query(`UPDATE episode_comments SET body = $2, updated_at = now() WHERE id = $1`, [commentId, patch.body]);
    const [after] = await readComments(client, "c.id = $1", [commentId]);
    await recordAudit(client, { actor, action: "comment.update", targetType: "episode", targetId: episodeId, before: auditView(before), after: auditView(after), meta: { commentId } });
    return after;
  });
}

export async function deleteComment(actor: Actor, episodeId: number, commentId: number): Promise<{ id: number }> {
  return withTransaction(async (client) => {
    const before = await lockComment(client, episodeId, commentId);
    const isAuthor = actor.type === "user" && actor.id === before.author.id;
    if (!isAuthor && !hasRole(actor.role, "reviewer")) throw new AuthError(403, "Only its author or a reviewer can delete a comment.");
    await client.query(`DELETE FROM episode_comments WHERE id = $1`, [commentId]);
    await recordAudit(client, { actor, action: "comment.delete", targetType: "episode", targetId: episodeId, before: auditView(before), meta: { commentId } });
    return { id: commentId };
  });
}
