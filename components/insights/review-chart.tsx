"use client";

import { useMemo } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { reviewedStatuses, type ReviewedStatus, type ReviewProgress } from "@/lib/insights/shape";
import type { EpisodeFilter } from "@/lib/search/filter";
import { listHref } from "./drill-down";
import { formatCount } from "./format";
import { linkedBarShape } from "./linked-bar";

export const reviewColors: Record<ReviewedStatus, string> = { approved: "#16a34a", rejected: "#dc2626", needs_changes: "#d97706" };
export const reviewNames: Record<ReviewedStatus, string> = { approved: "approved", rejected: "rejected", needs_changes: "needs changes" };

type Day = ReviewProgress["days"][number];

function DayTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const day = active ? (payload?.[0]?.payload as Day | undefined) : undefined;
  if (!day) return null;
  return (
    <div className="rounded border border-stone-200 bg-white px-2 py-1 text-xs shadow">
      <p className="font-medium">{day.day}</p>
      {reviewedStatuses.map((status) => (
        <p key={status}>
          {formatCount(day[status])} {reviewNames[status]}
        </p>
      ))}
      <p className="text-stone-500">{formatCount(day.cumulative)} reviewed so far</p>
    </div>
  );
}

/** Verdicts per day, stacked (each segment leads to the episodes with that verdict), and the running total. */
export function ReviewChart({ days, filter }: { days: Day[]; filter: EpisodeFilter }) {
  const shapes = useMemo(
    () =>
      Object.fromEntries(
        reviewedStatuses.map((status) => [
          status,
          linkedBarShape<Day>(
            (day) => (day[status] > 0 ? { href: listHref(filter, { review: [status] }), label: `${day.day}: ${formatCount(day[status])} ${reviewNames[status]}` } : null),
            reviewColors[status],
          ),
        ]),
      ) as Record<ReviewedStatus, ReturnType<typeof linkedBarShape<Day>>>,
    [filter],
  );
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#e7e5e4" />
        <XAxis dataKey="day" fontSize={10} stroke="#78716c" minTickGap={12} />
        <YAxis yAxisId="day" allowDecimals={false} fontSize={11} width={40} stroke="#78716c" />
        <YAxis yAxisId="total" orientation="right" allowDecimals={false} fontSize={11} width={48} stroke="#78716c" />
        <Tooltip content={<DayTooltip />} cursor={{ fill: "#f5f5f4" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {reviewedStatuses.map((status) => (
          <Bar key={status} yAxisId="day" dataKey={status} name={reviewNames[status]} stackId="verdicts" fill={reviewColors[status]} shape={shapes[status]} isAnimationActive={false} />
        ))}
        <Line yAxisId="total" dataKey="cumulative" name="reviewed so far" stroke="#44403c" dot={false} strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
