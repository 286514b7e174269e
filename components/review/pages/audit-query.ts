/**
 * The audit page's filters, kept in its URL (targetType, targetId, actorId), and audit events
 * described as text: where the target lives in the app, and which fields changed.
 */
import type { AuditPage } from "@/lib/review/history/schema";

export type AuditFilters = { targetType?: string; targetId?: string; actorId?: string };
export type AuditEvent = AuditPage["items"][number];

const clean = (value: string | null) => {
  const text = value?.trim() ?? "";
  return text === "" || text.length > 100 ? undefined : text;
};

/** Forgiving, like every page URL: a target id without a target type is dropped, not an error. */
export function auditFiltersFromParams(params: URLSearchParams): AuditFilters {
  const targetType = clean(params.get("targetType"));
  const targetId = targetType ? clean(params.get("targetId")) : undefined;
  const actorId = clean(params.get("actorId"));
  return { ...(targetType && { targetType }), ...(targetId && { targetId }), ...(actorId && { actorId }) };
}

export function auditSearch(filters: AuditFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of ["targetType", "targetId", "actorId"] as const) if (filters[key]) params.set(key, filters[key]!);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

/** Where the target can be seen in the app, when it has a page. */
export function targetHref(event: Pick<AuditEvent, "targetType" | "targetId">): string | null {
  if (event.targetId === null || !/^\d+$/.test(event.targetId)) return null;
  switch (event.targetType) {
    case "episode":
      return `/episodes/${event.targetId}`;
    case "queue":
      return `/review/queues/${event.targetId}`;
    case "rubric":
      return `/review/rubrics#rubric-${event.targetId}`;
    default:
      return null;
  }
}

const MAX_VALUE = 160;

function valueText(value: unknown): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export type FieldChange = { field: string; before: string; after: string };

/** Top-level fields whose value differs between before and after (a creation lists what it set). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    // Absent and null both mean "no value".
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .map((field) => ({ field, before: valueText(from[field]), after: valueText(to[field]) }));
}
