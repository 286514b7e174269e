/** Turning a click or a drag across histogram bars into the range those bars cover. */
import type { Histogram } from "@/lib/search/histograms";

type Bucket = Histogram["buckets"][number];

/** Bars `a` and `b` in either order, inclusive: from the first bar's start to the last bar's end. */
export function bucketsRange(buckets: readonly Bucket[], a: number, b: number): { min: number; max: number } | undefined {
  const first = buckets[Math.min(a, b)];
  const last = buckets[Math.max(a, b)];
  if (!first || !last) return undefined;
  return { min: first.from, max: last.to };
}

/** Whether a bar lies inside the selected range (for highlighting the current selection). */
export function isBucketSelected(bucket: Bucket, range: { min?: number; max?: number } | undefined): boolean {
  if (!range) return false;
  return (range.min === undefined || bucket.to >= range.min) && (range.max === undefined || bucket.from <= range.max);
}
