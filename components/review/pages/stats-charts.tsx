"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/insights/chart-card";
import { reviewColors } from "@/components/insights/review-chart";
import type { AnnotatorStats } from "@/lib/review/stats/schema";
import type { StatsPeriod } from "./stats-period";
import { agreementRows, annotatorSeries, formatDuration, medianRows, perDayRows, verdictKeys, verdictRows } from "./stats-rows";
import { verdictNames } from "./score-format";

const palette = ["#0284c7", "#d97706", "#7c3aed", "#16a34a", "#dc2626", "#0d9488", "#db2777", "#57534e"];
const axis = { fontSize: 11, stroke: "#78716c" };
const verdictColors = { approve: reviewColors.approved, reject: reviewColors.rejected, needs_changes: reviewColors.needs_changes };

/** The drawing is one image with a sentence for a name; the same numbers are in the table below the charts. */
function Drawing({ summary, height, children }: { summary: string; height: number; children: ReactNode }) {
  return (
    <div role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height}>
        {children as React.ReactElement}
      </ResponsiveContainer>
    </div>
  );
}

const rowsHeight = (n: number) => Math.max(120, n * 36 + 48);
const NAME_CHARS = 26;

/** An annotator's address cut to fit beside the bars, whole in a native tooltip. */
function NameTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const name = payload?.value ?? "";
  const isCut = name.length > NAME_CHARS;
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={11} fill="#44403c">
      {isCut && <title>{name}</title>}
      {isCut ? `${name.slice(0, NAME_CHARS - 1)}…` : name}
    </text>
  );
}

export function ItemsPerDayChart({ items, period }: { items: AnnotatorStats[]; period: Pick<StatsPeriod, "from" | "to"> }) {
  const series = annotatorSeries(items);
  const rows = perDayRows(items, period);
  const total = items.reduce((n, item) => n + item.submitted, 0);
  return (
    <ChartCard title="Items per day" note="Judgments submitted each day (UTC), stacked by annotator." isEmpty={total === 0} emptyText="Nothing was submitted in this period.">
      <Drawing summary={`Bar chart: ${total} judgments submitted over ${rows.length} days by ${items.length} annotators.`} height={240}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="day" {...axis} fontSize={10} minTickGap={12} />
          <YAxis allowDecimals={false} width={36} {...axis} />
          <Tooltip cursor={{ fill: "#f5f5f4" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, index) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="day" fill={palette[index % palette.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </Drawing>
    </ChartCard>
  );
}

export function MedianTimeChart({ items }: { items: AnnotatorStats[] }) {
  const rows = medianRows(items);
  return (
    <ChartCard title="Median time per item" note="From claiming an item (or starting the judgment) to submitting it." isEmpty={rows.every((r) => r.seconds === null)} emptyText="No timed judgments in this period.">
      <Drawing summary={`Bar chart of median time per item: ${rows.map((r) => `${r.name} ${r.text}`).join(", ")}.`} height={rowsHeight(rows.length)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#e7e5e4" />
          <XAxis type="number" tickFormatter={(v: number) => formatDuration(v)} {...axis} />
          <YAxis type="category" dataKey="name" width={180} interval={0} tick={<NameTick />} stroke="#78716c" />
          <Tooltip formatter={(v) => formatDuration(Number(v))} cursor={{ fill: "#f5f5f4" }} />
          <Bar dataKey="seconds" name="Median time" fill={palette[0]} minPointSize={2} isAnimationActive={false} />
        </BarChart>
      </Drawing>
    </ChartCard>
  );
}

export function AgreementChart({ items }: { items: AnnotatorStats[] }) {
  const rows = agreementRows(items);
  const low = Math.min(0, ...rows.map((r) => r.peers ?? 0));
  const describe = (v: number | null) => (v === null ? "none" : v.toFixed(2));
  return (
    <ChartCard
      title="Agreement with peers and gold"
      note="Cohen's kappa on verdicts with peers who judged the same items (weighted by shared items); share of gold items answered right."
      isEmpty={rows.every((r) => r.peers === null && r.gold === null)}
      emptyText="No shared or gold items were judged in this period."
    >
      <Drawing summary={`Bar chart of agreement: ${rows.map((r) => `${r.name} kappa ${describe(r.peers)}, gold ${describe(r.gold)}`).join("; ")}.`} height={rowsHeight(rows.length * 2)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#e7e5e4" />
          <XAxis type="number" domain={[low, 1]} {...axis} />
          <YAxis type="category" dataKey="name" width={180} interval={0} tick={<NameTick />} stroke="#78716c" />
          <Tooltip formatter={(v) => Number(v).toFixed(3)} cursor={{ fill: "#f5f5f4" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="peers" name="Kappa with peers" fill={palette[2]} isAnimationActive={false} />
          <Bar dataKey="gold" name="Gold accuracy" fill={palette[3]} isAnimationActive={false} />
        </BarChart>
      </Drawing>
    </ChartCard>
  );
}

export function VerdictMixChart({ items }: { items: AnnotatorStats[] }) {
  const rows = verdictRows(items);
  return (
    <ChartCard title="Verdict mix" note="Verdicts submitted in the period, per annotator." isEmpty={items.length === 0} emptyText="No verdicts in this period.">
      <Drawing
        summary={`Stacked bar chart of verdicts: ${rows.map((r) => `${r.name} ${r.approve} approve, ${r.reject} reject, ${r.needs_changes} needs changes`).join("; ")}.`}
        height={rowsHeight(rows.length)}
      >
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#e7e5e4" />
          <XAxis type="number" allowDecimals={false} {...axis} />
          <YAxis type="category" dataKey="name" width={180} interval={0} tick={<NameTick />} stroke="#78716c" />
          <Tooltip cursor={{ fill: "#f5f5f4" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {verdictKeys.map((key) => (
            <Bar key={key} dataKey={key} name={verdictNames[key]} stackId="verdicts" fill={verdictColors[key]} isAnimationActive={false} />
          ))}
        </BarChart>
      </Drawing>
    </ChartCard>
  );
}
