"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PlanReport } from "@/lib/export/types";
import { activeReasons, dropReasonLabels, previewRows } from "./preview-rows";
import { PlanTables } from "./plan-tables";

const reasonColors = ["#a8a29e", "#f59e0b", "#ef4444", "#8b5cf6", "#ec4899", "#64748b"];

/** Per component: episodes selected and dropped (by reason), and the projected share of the mixture's tokens. */
export function RecipePreview({ report }: { report: PlanReport }) {
  const rows = previewRows(report);
  const reasons = activeReasons(report);
  const height = rows.length * 40 + 60;
  return (
    <section aria-labelledby="preview-heading" className="space-y-4">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      <p className="text-sm text-stone-600">
        {report.totals.entries.toLocaleString()} records from {report.totals.episodes.toLocaleString()} episodes, {report.totals.tokens.toLocaleString()} planned tokens.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <figure className="rounded border border-stone-200 bg-white p-3">
          <figcaption className="mb-2 text-sm font-medium">Matched episodes: selected and dropped</figcaption>
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid horizontal={false} stroke="#e7e5e4" />
              <XAxis type="number" allowDecimals={false} fontSize={11} />
              <YAxis type="category" dataKey="name" width={140} fontSize={12} />
              <Tooltip />
              <Legend />
              <Bar dataKey="selected" name="selected" stackId="a" fill="#16a34a" isAnimationActive={false} />
              {reasons.map((reason, i) => (
                <Bar key={reason} dataKey={reason} name={dropReasonLabels[reason]} stackId="a" fill={reasonColors[i % reasonColors.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="rounded border border-stone-200 bg-white p-3">
          <figcaption className="mb-2 text-sm font-medium">Projected share of the mixture (tokens)</figcaption>
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid horizontal={false} stroke="#e7e5e4" />
              <XAxis type="number" domain={[0, 100]} unit="%" fontSize={11} />
              <YAxis type="category" dataKey="name" width={140} fontSize={12} />
              <Tooltip formatter={(value) => `${value}%`} />
              <Bar dataKey="sharePercent" name="share" fill="#2563eb" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <PlanTables report={report} />
    </section>
  );
}
