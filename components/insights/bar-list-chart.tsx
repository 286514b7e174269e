"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "./chart-rows";
import { linkedBarShape } from "./linked-bar";
import { RowTooltip } from "./row-tooltip";

const ROW_HEIGHT = 28;
const LABEL_CHARS = 28;
const MUTED = "#a8a29e";

/** A category label cut to fit, its full text in a native tooltip. */
function CategoryTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const label = payload?.value ?? "";
  const isCut = label.length > LABEL_CHARS;
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#44403c">
      {isCut && <title>{label}</title>}
      {isCut ? `…${label.slice(-(LABEL_CHARS - 1))}` : label}
    </text>
  );
}

/** Horizontal bars, one row per value; a row with a link is a link (to the filtered list). */
export function BarListChart({
  rows,
  color,
  domain,
  tickFormat,
}: {
  rows: ChartRow[];
  color: string;
  domain?: [number, number];
  tickFormat?: (value: number) => string;
}) {
  const shape = useMemo(
    () => linkedBarShape<ChartRow>((row) => (row.href ? { href: row.href, label: row.description } : null), (row) => (row.href ? color : MUTED), { wholeRow: true }),
    [color],
  );
  return (
    <ResponsiveContainer width="100%" height={rows.length * ROW_HEIGHT + 36}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#e7e5e4" />
        <XAxis type="number" domain={domain ?? [0, "auto"]} allowDecimals={false} tickFormatter={tickFormat} fontSize={11} stroke="#78716c" />
        <YAxis type="category" dataKey="label" width={200} interval={0} tick={<CategoryTick />} stroke="#78716c" />
        <Tooltip content={<RowTooltip />} cursor={{ fill: "#f5f5f4" }} />
        <Bar dataKey="value" shape={shape} minPointSize={2} isAnimationActive={false}>
          <LabelList dataKey="valueText" position="right" fontSize={11} fill="#57534e" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
