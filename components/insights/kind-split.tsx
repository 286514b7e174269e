import Link from "next/link";
import type { Insights } from "@/lib/insights/insights";
import type { EpisodeFilter } from "@/lib/search/filter";
import { listHref } from "./drill-down";
import { formatCompact, formatCount, formatPercent } from "./format";

export const kindColors = { environmental: "bg-sky-600", contextual: "bg-violet-600" } as const;

type KindRow = Insights["byKind"][number];

/** One bar split by kind, each part a link to that kind's episodes; `measure` picks episodes or tokens. */
export function KindSplit({ byKind, measure, filter }: { byKind: KindRow[]; measure: "episodes" | "tokens"; filter: EpisodeFilter }) {
  const total = byKind.reduce((n, k) => n + k[measure], 0);
  const describe = (k: KindRow) => `${k.kind}: ${measure === "tokens" ? `${formatCount(k.tokens)} tokens` : `${formatCount(k.episodes)} episodes`} (${formatPercent(k[measure] / total)})`;
  const parts = byKind.filter((k) => k[measure] > 0);
  return (
    <div className="space-y-1">
      <div role="group" aria-label={`${measure === "tokens" ? "Tokens" : "Episodes"} by kind`} className="flex h-4 w-full gap-px overflow-hidden rounded bg-stone-200">
        {parts.map((k) => (
          <Link
            key={k.kind}
            href={listHref(filter, { kind: [k.kind] })}
            aria-label={describe(k)}
            title={describe(k)}
            className={`${kindColors[k.kind]} min-w-1 hover:opacity-80`}
            style={{ width: `${(k[measure] / total) * 100}%` }}
          />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 text-xs text-stone-600">
        {byKind.map((k) => (
          <li key={k.kind} className="flex items-center gap-1">
            <span aria-hidden className={`inline-block size-2 rounded-sm ${kindColors[k.kind]}`} />
            {k.kind} {measure === "tokens" ? formatCompact(k.tokens) : formatCount(k.episodes)} ({formatPercent(total === 0 ? null : k[measure] / total)})
          </li>
        ))}
      </ul>
    </div>
  );
}
