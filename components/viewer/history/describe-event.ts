/** An audit event in words for the episode's History tab. Pure. */
import type { z } from "zod";
import type { auditEventSchema } from "@/lib/review/history/schema";

export type AuditEvent = z.infer<typeof auditEventSchema>;

const actionLabels: Record<string, string> = {
  "judgment.create": "started a judgment",
  "judgment.update": "changed a judgment",
  "judgment.submit": "submitted a judgment",
  "adjudication.create": "adjudicated",
  "comment.create": "commented",
  "comment.update": "edited a comment",
  "comment.delete": "deleted a comment",
  "mask.create": "set a training mask",
  "mask.delete": "removed a training mask",
};

export function actionLabel(action: string): string {
  if (actionLabels[action]) return actionLabels[action];
  if (action.startsWith("episodes.bulk.")) return `bulk action: ${action.slice("episodes.bulk.".length).replaceAll("_", " ")}`;
  return action;
}

const MAX_VALUE = 80;

function show(value: unknown): string {
  if (value === undefined) return "—";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What changed, one line per field: `field: before → after` for a change, `field: value` when the
 * event only has one side (a creation or a deletion). Nested scores are compared per dimension.
 */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const lines: string[] = [];
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    if (key === "version") continue;
    if (isRecord(b[key]) || isRecord(a[key])) {
      for (const line of changedFields(b[key], a[key])) lines.push(`${key}.${line}`);
      continue;
    }
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    if (!isRecord(before)) lines.push(`${key}: ${show(a[key])}`);
    else if (!isRecord(after)) lines.push(`${key}: ${show(b[key])}`);
    else lines.push(`${key}: ${show(b[key])} → ${show(a[key])}`);
  }
  return lines;
}
