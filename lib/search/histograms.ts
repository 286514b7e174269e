/**
 * Histograms of the numeric columns under a filter: at most 20 equal-width buckets between the
 * filtered minimum and maximum (`width_bucket`), whole-number bounds for whole-number columns.
 */
import { z } from "zod";
import { pool } from "@/lib/db";
import { rangeColumns } from "./columns";
import type { EpisodeFilter, RangeKey } from "./filter";
import { bind, filterToSql } from "./to-sql";

const MAX_BUCKETS = 20;

export const histogramSchema = z.object({
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** `from` inclusive; `to` inclusive for whole-number columns, exclusive (except the last) for cost. */
  buckets: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
});
export type Histogram = z.infer<typeof histogramSchema>;

/** Bucket layout for [lo, hi]: whole-number widths for integer columns so buckets never split a value. */
export function bucketLayout(lo: number, hi: number, isInteger: boolean): { count: number; width: number } {
  if (!isInteger) return lo === hi ? { count: 1, width: 0 } : { count: MAX_BUCKETS, width: (hi - lo) / MAX_BUCKETS };
  const span = hi - lo + 1;
  const width = Math.ceil(span / Math.min(MAX_BUCKETS, span));
  return { count: Math.ceil(span / width), width };
}

/** `source`: the table or view read as `e` (tests read a redacted view of episodes). */
async function histogram(filter: EpisodeFilter, key: RangeKey, source: string): Promise<Histogram> {
  const { column, type } = rangeColumns[key];
  const { where, params } = filterToSql(filter);
  const bounds = await pool.query<{ lo: number | null; hi: number | null; n: number }>(
    `SELECT min(${column})::float8 AS lo, max(${column})::float8 AS hi, count(${column})::int AS n FROM ${source} e WHERE ${where}`,
    params,
  );
  const { lo, hi, n } = bounds.rows[0];
  if (lo === null || hi === null) return { min: null, max: null, buckets: [] };
  const isInteger = type === "int";
  const layout = bucketLayout(lo, hi, isInteger);
  if (layout.width === 0) return { min: lo, max: hi, buckets: [{ from: lo, to: hi, count: n }] };
  const upper = isInteger ? lo + layout.count * layout.width : hi;
  const bucketParams = [...params];
  const result = await pool.query<{ bucket: number; count: number }>(
    `SELECT least(width_bucket(${column}::float8, ${bind(bucketParams, lo)}::float8, ${bind(bucketParams, upper)}::float8, ${bind(bucketParams, layout.count)}::int), ${bind(bucketParams, layout.count)}::int) AS bucket,
            count(*)::int AS count
     FROM ${source} e WHERE ${where} AND ${column} IS NOT NULL GROUP BY 1`,
    bucketParams,
  );
  const countByBucket = new Map(result.rows.map((row) => [row.bucket, row.count]));
  const buckets = Array.from({ length: layout.count }, (_, i) => {
    const from = lo + i * layout.width;
    const to = isInteger ? from + layout.width - 1 : i === layout.count - 1 ? hi : from + layout.width;
    return { from, to, count: countByBucket.get(i + 1) ?? 0 };
  });
  return { min: lo, max: hi, buckets };
}

export async function histograms(filter: EpisodeFilter, source = "episodes"): Promise<Record<RangeKey, Histogram>> {
  const keys = Object.keys(rangeColumns) as RangeKey[];
  const results = await Promise.all(keys.map((key) => histogram(filter, key, source)));
  return Object.fromEntries(keys.map((key, i) => [key, results[i]])) as Record<RangeKey, Histogram>;
}
