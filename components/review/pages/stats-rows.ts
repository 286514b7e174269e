/**
 * Annotator statistics shaped for the charts. Series are keyed `a0`, `a1`… (recharts reads a
 * dotted dataKey as a path, and e-mail addresses have dots); the legend names them.
 */
import type { AnnotatorStats } from "@/lib/review/stats/schema";
import { daysOf, type StatsPeriod } from "./stats-period";

export type Series = { key: string; name: string };

export const annotatorName = (stats: AnnotatorStats) => stats.annotator.email || stats.annotator.name;

export function annotatorSeries(items: AnnotatorStats[]): Series[] {
  return items.map((item, index) => ({ key: `a${index}`, name: annotatorName(item) }));
}

/** One row per day of the period (days without work included, as zeros), a column per annotator. */
export function perDayRows(items: AnnotatorStats[], period: Pick<StatsPeriod, "from" | "to">): Record<string, string | number>[] {
  const counts = items.map((item) => new Map(item.perDay.map((d) => [d.day, d.items])));
  return daysOf(period).map((day) => {
    const row: Record<string, string | number> = { day };
    counts.forEach((byDay, index) => (row[`a${index}`] = byDay.get(day) ?? 0));
    return row;
  });
}

/** "45 s", "3 min 20 s", "2 h 5 min"; "—" when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const minutes = Math.round((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ""}`;
}

export function medianRows(items: AnnotatorStats[]) {
  return items.map((item) => ({ name: annotatorName(item), seconds: item.medianSecondsPerItem, text: formatDuration(item.medianSecondsPerItem) }));
}

/** Kappa with peers and accuracy on gold, both on a 0–1 axis (kappa below 0 drawn at 0, its text says so). */
export function agreementRows(items: AnnotatorStats[]) {
  return items.map((item) => ({
    name: annotatorName(item),
    peers: item.peerAgreement.kappa,
    gold: item.gold.accuracy,
  }));
}

export const verdictKeys = ["approve", "reject", "needs_changes"] as const;

export function verdictRows(items: AnnotatorStats[]) {
  return items.map((item) => ({ name: annotatorName(item), ...item.verdicts }));
}
