import type { Insights } from "@/lib/insights/insights";
import type { EpisodeFilter } from "@/lib/search/filter";
import { formatCompact, formatCount, formatPercent } from "./format";
import { KindSplit } from "./kind-split";

function Card({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-label={label} className={`space-y-1 rounded border border-stone-200 bg-white p-4 ${className}`}>
      <h3 className="text-sm text-stone-500">{label}</h3>
      {children}
    </section>
  );
}

/** The numbers first: how much there is, and the contextual vs environmental token split of the mixture. */
export function Headline({ data, filter }: { data: Insights; filter: EpisodeFilter }) {
  const contextual = data.byKind.find((k) => k.kind === "contextual");
  const environmental = data.byKind.find((k) => k.kind === "environmental");
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Card label="Episodes">
        <p className="text-3xl font-semibold tabular-nums">
          {formatCount(data.totals.episodes)}
        </p>
        <p className="text-sm text-stone-500">
          {formatCount(environmental?.episodes ?? 0)} environmental · {formatCount(contextual?.episodes ?? 0)} contextual
        </p>
      </Card>
      <Card label="Tokens">
        <p className="text-3xl font-semibold tabular-nums" title={`${formatCount(data.totals.tokens)} tokens`}>
          {formatCompact(data.totals.tokens)}
        </p>
        <p className="text-sm text-stone-500">{formatCount(data.totals.tokens)} in all</p>
      </Card>
      <Card label="Token split: contextual vs environmental" className="sm:col-span-2">
        <p className="text-3xl font-semibold tabular-nums">
          {formatPercent(contextual?.tokenShare ?? null)} <span className="text-base font-normal text-stone-600">contextual</span>
          <span className="mx-2 text-stone-300">·</span>
          {formatPercent(environmental?.tokenShare ?? null)} <span className="text-base font-normal text-stone-600">environmental</span>
        </p>
        <KindSplit byKind={data.byKind} measure="tokens" filter={filter} />
      </Card>
    </div>
  );
}
