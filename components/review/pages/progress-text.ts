/** Progress as a percentage and a sentence (the bar is decoration; the sentence is the data). */
import type { QueueProgress, Queue } from "@/lib/review/queues/schema";

const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** "12 of 40 judgments submitted (30%) · 5 of 20 items complete · 2 in progress" */
export function queueProgressText(summary: Queue["progress"]): { percent: number; text: string } {
  const percent = percentOf(summary.submitted, summary.slots);
  const parts = [
    `${count(summary.submitted)} of ${plural(summary.slots, "judgment")} submitted (${percent}%)`,
    `${count(summary.itemsComplete)} of ${plural(summary.items, "item")} complete`,
  ];
  if (summary.reserved > 0) parts.push(`${count(summary.reserved)} in progress`);
  return { percent, text: parts.join(" · ") };
}

type AnnotatorRow = QueueProgress["annotators"][number];

/**
 * An annotator's share of what they can do here: submitted out of submitted + held + still
 * claimable (skipped items are out of their reach, so they do not count against them).
 */
export function annotatorProgressText(row: AnnotatorRow): { percent: number; text: string } {
  const reachable = row.submitted + row.reserved + row.available;
  const parts = [`${count(row.submitted)} of ${count(reachable)} submitted`];
  if (row.reserved > 0) parts.push(`${count(row.reserved)} in progress`);
  if (row.skipped > 0) parts.push(`${count(row.skipped)} skipped`);
  parts.push(`${count(row.available)} left to claim`);
  return { percent: percentOf(row.submitted, reachable), text: parts.join(" · ") };
}
