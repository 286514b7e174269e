"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "./chart-rows";
import { linkedBarShape } from "./linked-bar";
import { RowTooltip } from "./row-tooltip";

/** Buckets left to right; each non-empty bucket is a link to the list within its range. */
export function HistogramChart({ rows, color }: { rows: ChartRow[]; color: string }) {
  const shape = useMemo(() => linkedBarShape<ChartRow>((row) => (row.href ? { href: row.href, label: row.description } : null), color, { wholeRow: true }), [color]);
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} barCategoryGap={1} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#e7e5e4" />
        <XAxis dataKey="label" fontSize={10} stroke="#78716c" interval="preserveStartEnd" minTickGap={8} />
        <YAxis allowDecimals={false} fontSize={11} width={40} stroke="#78716c" />
        <Tooltip content={<RowTooltip />} cursor={{ fill: "#f5f5f4" }} />
        <Bar dataKey="value" shape={shape} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
