/**
 * Pure shaping of grouped counts into what the Insights charts draw: the top values with an
 * explicit "unknown" (no value recorded) and "other" (beyond the top) remainder, resolved rates,
 * and a day-by-day review timeline. The SQL in insights.ts only groups and counts.
 */
import { z } from "zod";

const count = z.number().int().nonnegative();

export const compositionSchema = z.object({
  /** The most frequent values, most first (ties by value). */
  values: z.array(z.object({ value: z.string(), count })),
  /** Episodes with no value recorded (e.g. no model). */
  unknown: count,
  /** Everything beyond the top values: how many distinct values, how many episodes. */
  other: z.object({ values: count, count }),
});
export type Composition = z.infer<typeof compositionSchema>;

const outcomeCountsSchema = z.object({
  resolved: count,
  unresolved: count,
  unknown: count,
  /** resolved / (resolved + unresolved); null when no outcome is known. */
  rate: z.number().min(0).max(1).nullable(),
});
export type OutcomeCounts = z.infer<typeof outcomeCountsSchema>;

export const resolvedRatesSchema = z.object({
  values: z.array(outcomeCountsSchema.extend({ value: z.string() })),
  unknown: outcomeCountsSchema,
  other: outcomeCountsSchema.extend({ values: count }),
});
export type ResolvedRates = z.infer<typeof resolvedRatesSchema>;

export const reviewedStatuses = ["approved", "rejected", "needs_changes"] as const;
export type ReviewedStatus = (typeof reviewedStatuses)[number];

export const reviewProgressSchema = z.object({
  /** One row per day from the first review to the last (gaps filled with zeros while the span is short). */
  days: z.array(z.object({ day: z.string(), approved: count, rejected: count, needs_changes: count, cumulative: count })),
  pending: count,
  reviewed: count,
  /** Reviewed episodes with no review time recorded: counted in `reviewed`, not on any day. */
  undated: count,
});
export type ReviewProgress = z.infer<typeof reviewProgressSchema>;

export const TOP_VALUES = 15;

type Group = { value: string | null; count: number };

/** The `limit` most frequent values, the rest as one "other" bucket, no value as "unknown". */
export function topWithOther(groups: readonly Group[], limit = TOP_VALUES): Composition {
  const named = groups.filter((g): g is { value: string; count: number } => g.value !== null && g.count > 0);
  named.sort((a, b) => b.count - a.count || compare(a.value, b.value));
  const rest = named.slice(limit);
  return {
    values: named.slice(0, limit).map(({ value, count }) => ({ value, count })),
    unknown: sum(groups.filter((g) => g.value === null).map((g) => g.count)),
    other: { values: rest.length, count: sum(rest.map((g) => g.count)) },
  };
}

export function resolvedRate(resolved: number, unresolved: number): number | null {
  const known = resolved + unresolved;
  return known === 0 ? null : resolved / known;
}

type OutcomeGroup = { value: string | null; resolved: number; unresolved: number; unknown: number };

function withRate({ resolved, unresolved, unknown }: Omit<OutcomeGroup, "value">): OutcomeCounts {
  return { resolved, unresolved, unknown, rate: resolvedRate(resolved, unresolved) };
}

function addOutcomes(groups: readonly OutcomeGroup[]) {
  return groups.reduce(
    (total, g) => ({ resolved: total.resolved + g.resolved, unresolved: total.unresolved + g.unresolved, unknown: total.unknown + g.unknown }),
    { resolved: 0, unresolved: 0, unknown: 0 },
  );
}

/**
 * Resolved rates of the `limit` values with the most attempts that have a known outcome (then
 * the most attempts overall), so values that were never judged (pull-request samples) do not
 * push out the ones a rate can be given for.
 */
export function topResolvedRates(groups: readonly OutcomeGroup[], limit = TOP_VALUES): ResolvedRates {
  const known = (g: OutcomeGroup) => g.resolved + g.unresolved;
  const total = (g: OutcomeGroup) => known(g) + g.unknown;
  const named = groups.filter((g): g is OutcomeGroup & { value: string } => g.value !== null && total(g) > 0);
  named.sort((a, b) => known(b) - known(a) || total(b) - total(a) || compare(a.value, b.value));
  const rest = named.slice(limit);
  return {
    values: named.slice(0, limit).map((g) => ({ value: g.value, ...withRate(g) })),
    unknown: withRate(addOutcomes(groups.filter((g) => g.value === null))),
    other: { values: rest.length, ...withRate(addOutcomes(rest)) },
  };
}

const DAY_MS = 86_400_000;
/** Beyond this span the timeline keeps only the days that had reviews, so one stray date cannot make it huge. */
export const MAX_FILLED_DAYS = 731;

type ReviewGroup = { day: string; status: ReviewedStatus; count: number };

/** Per-day verdict counts with a running total; `day` is an ISO date (YYYY-MM-DD). */
export function reviewTimeline(
  groups: readonly ReviewGroup[],
  statusCounts: { pending: number; reviewed: number },
): ReviewProgress {
  const byDay = new Map<string, Record<ReviewedStatus, number>>();
  for (const { day, status, count } of groups) {
    const row = byDay.get(day) ?? { approved: 0, rejected: 0, needs_changes: 0 };
    row[status] += count;
    byDay.set(day, row);
  }
  const days = [...byDay.keys()].sort();
  let cumulative = 0;
  const rows = fillDays(days).map((day) => {
    const row = byDay.get(day) ?? { approved: 0, rejected: 0, needs_changes: 0 };
    cumulative += row.approved + row.rejected + row.needs_changes;
    return { day, ...row, cumulative };
  });
  return { days: rows, pending: statusCounts.pending, reviewed: statusCounts.reviewed, undated: statusCounts.reviewed - cumulative };
}

function fillDays(sortedDays: string[]): string[] {
  if (sortedDays.length < 2) return sortedDays;
  const first = Date.parse(`${sortedDays[0]}T00:00:00Z`);
  const last = Date.parse(`${sortedDays[sortedDays.length - 1]}T00:00:00Z`);
  const span = Math.round((last - first) / DAY_MS) + 1;
  if (span > MAX_FILLED_DAYS) return sortedDays;
  return Array.from({ length: span }, (_, i) => new Date(first + i * DAY_MS).toISOString().slice(0, 10));
}

/** Each part's share of the whole; null when the whole is zero. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Code-point order, the same on the server and in every browser locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
