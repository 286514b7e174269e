/** The audit trail over the HTTP API (read only: no route changes or deletes an event). */
import { z } from "zod";

export const auditQuerySchema = z.object({
  /** e.g. episode, rubric, queue, saved_view, episodes (bulk actions); omit for every event (reviewers). */
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  /** Only events by this user id. */
  actorId: z.string().max(100).optional(),
  /** Events older than this event id (the previous page's nextCursor). */
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).refine((q) => q.targetId === undefined || q.targetType !== undefined, { message: "targetId needs a targetType.", path: ["targetId"] });
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  meta: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});

export const auditPageSchema = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;
