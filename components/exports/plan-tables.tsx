import Link from "next/link";
import { dropReasons, type PlanReport } from "@/lib/export/types";
import { dropReasonLabels } from "./preview-rows";

/** The export pages' compact number tables: a number cell, a text cell, a header (numbers right-aligned). */
export const cell = "border-b border-stone-100 px-2 py-1 text-right tabular-nums";
export const textCell = "border-b border-stone-100 px-2 py-1";
export const head = "border-b border-stone-300 px-2 py-1 text-right font-medium";

/** The plan as numbers: components, dedup, decontamination and the split. Shared by the preview and a finished export's report. */
export function PlanTables({ report }: { report: PlanReport }) {
  return (
    <div className="space-y-4 text-sm">
      <table className="w-full border-collapse rounded bg-white" aria-label="Components">
        <thead>
          <tr>
            <th className={`${head} text-left`}>Component</th>
            <th className={head}>Matched</th>
            <th className={head}>Episodes</th>
            <th className={head}>Records</th>
            <th className={head}>Tokens</th>
            <th className={head}>Share</th>
            <th className={head}>Truncated</th>
            {dropReasons.map((reason) => (
              <th key={reason} className={head}>
                {dropReasonLabels[reason]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.components.map((component) => (
            <tr key={component.name}>
              <td className={textCell}>
                <Link className="text-blue-700 underline" href={`/episodes?${component.filter}`} title="Open the component's filter in the episode list">
                  {component.name}
                </Link>
              </td>
              <td className={cell}>{component.matched.toLocaleString()}</td>
              <td className={cell}>{component.episodes.toLocaleString()}</td>
              <td className={cell}>{component.entries.toLocaleString()}</td>
              <td className={cell}>{component.tokens.toLocaleString()}</td>
              <td className={cell}>{(component.share * 100).toFixed(1)}%</td>
              <td className={cell}>{component.truncated.toLocaleString()}</td>
              {dropReasons.map((reason) => (
                <td key={reason} className={cell}>
                  {(component.dropped[reason] ?? 0).toLocaleString()}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid gap-4 md:grid-cols-3">
        <dl className="rounded border border-stone-200 bg-white p-3" aria-label="Decontamination">
          <dt className="mb-1 font-medium">Decontamination removed</dt>
          {Object.entries(report.decontamination).map(([list, count]) => (
            <dd key={list} className="flex justify-between">
              <span>{list}</span>
              <span className="tabular-nums">{count.toLocaleString()}</span>
            </dd>
          ))}
        </dl>
        <dl className="rounded border border-stone-200 bg-white p-3" aria-label="Split">
          <dt className="mb-1 font-medium">Split by repository</dt>
          {Object.entries(report.split).map(([split, counts]) => (
            <dd key={split} className="flex justify-between">
              <span>{split}</span>
              <span className="tabular-nums">
                {counts.entries.toLocaleString()} records · {counts.repos.toLocaleString()} repos · {counts.tokens.toLocaleString()} tokens
              </span>
            </dd>
          ))}
        </dl>
        <DuplicateList report={report} />
      </div>
    </div>
  );
}

/** The preview caps the pair lists and gives totals; a finished export's report has them all. */
type Totals = { exactTotal?: number; nearTotal?: number };

function DuplicateList({ report }: { report: PlanReport }) {
  const { exactTotal = report.dedup.exact.length, nearTotal = report.dedup.near.length } = report.dedup as Totals;
  const pairs = [...report.dedup.exact.map((p) => ({ ...p, kind: "exact" })), ...report.dedup.near.map((p) => ({ ...p, kind: "near" }))];
  return (
    <div className="rounded border border-stone-200 bg-white p-3" aria-label="Duplicates">
      <p className="mb-1 font-medium">
        Duplicates removed: {exactTotal.toLocaleString()} exact, {nearTotal.toLocaleString()} near
      </p>
      <ul className="max-h-40 overflow-auto">
        {pairs.slice(0, 50).map((pair) => (
          <li key={`${pair.kind}-${pair.removed}`}>
            <Link className="text-blue-700 underline" href={`/episodes/${pair.removed}`}>
              #{pair.removed}
            </Link>{" "}
            removed, kept{" "}
            <Link className="text-blue-700 underline" href={`/episodes/${pair.kept}`}>
              #{pair.kept}
            </Link>{" "}
            ({pair.kind}, {pair.similarity.toFixed(2)})
          </li>
        ))}
      </ul>
    </div>
  );
}
