"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { Insights } from "@/lib/insights/insights";
import { parseEpisodeFilter, type EpisodeFilter } from "@/lib/search/filter";
import { formatBytes } from "@/components/ui/format-bytes";
import { BarListChart } from "./bar-list-chart";
import { ChartCard } from "./chart-card";
import { compositionRows, histogramRows, rateRows } from "./chart-rows";
import { FilterBar } from "./filter-bar";
import { formatCompact, formatCount } from "./format";
import { Headline } from "./headline";
import { HistogramChart } from "./histogram-chart";
import { KindSplit } from "./kind-split";
import { ReviewProgress } from "./review-progress";
import { useInsights } from "./use-insights";

const COLOR = "#0284c7";
const RATE_COLOR = "#16a34a";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="grid items-start gap-4 lg:grid-cols-2">{children}</div>
    </section>
  );
}

function Composition({ data, filter }: { data: Insights; filter: EpisodeFilter }) {
  return (
    <Section title="Composition">
      <ChartCard title="Episodes by kind" isEmpty={false} emptyText="">
        <KindSplit byKind={data.byKind} measure="episodes" filter={filter} />
      </ChartCard>
      {(["source", "repo", "model"] as const).map((key) => {
        const rows = compositionRows(data.composition[key], key, filter);
        return (
          <ChartCard key={key} title={`Episodes by ${key}`} isEmpty={rows.length === 0} emptyText="No episodes match this filter.">
            <BarListChart rows={rows} color={COLOR} />
          </ChartCard>
        );
      })}
    </Section>
  );
}

function ResolvedRates({ data, filter }: { data: Insights; filter: EpisodeFilter }) {
  return (
    <Section title="Resolved rate">
      {(["model", "repo"] as const).map((key) => {
        const rates = data.resolvedRate[key];
        const rows = rateRows(rates, key, filter);
        return (
          <ChartCard
            key={key}
            title={`Resolved rate by ${key}`}
            note="Resolved among attempts with a known outcome; hover for counts, click for the resolved episodes."
            isEmpty={!hasKnownOutcome(rates)}
            emptyText="No episode here has a known outcome (resolved or not) yet: import SWE-bench reports to see rates."
          >
            <BarListChart rows={rows} color={RATE_COLOR} domain={[0, 100]} tickFormat={(v) => `${v}%`} />
          </ChartCard>
        );
      })}
    </Section>
  );
}

function hasKnownOutcome(rates: Insights["resolvedRate"]["model"]): boolean {
  return [...rates.values, rates.other, rates.unknown].some((r) => r.rate !== null);
}

const distributions = [
  { key: "steps", title: "Steps per episode", format: formatCount },
  { key: "tokens", title: "Tokens per episode", format: formatCompact },
  { key: "patch", title: "Patch size", format: formatBytes },
] as const;

function Distributions({ data, filter }: { data: Insights; filter: EpisodeFilter }) {
  return (
    <Section title="Distributions">
      {distributions.map(({ key, title, format }) => {
        const rows = histogramRows(data.distributions[key], key, filter, format);
        return (
          <ChartCard key={key} title={title} isEmpty={rows.length === 0} emptyText="No episodes match this filter.">
            <HistogramChart rows={rows} color={COLOR} />
          </ChartCard>
        );
      })}
    </Section>
  );
}

export function InsightsView() {
  const searchParams = useSearchParams();
  const filter = useMemo(() => parseEpisodeFilter(searchParams), [searchParams]);
  const { data, error, isPending, isPlaceholderData } = useInsights(filter);

  return (
    <div className="space-y-6" aria-busy={isPending || isPlaceholderData}>
      <FilterBar filter={filter} />
      {isPending ? (
        <p className="text-stone-500">Loading insights…</p>
      ) : error ? (
        <p role="alert" className="text-red-700">
          {error.message}
        </p>
      ) : (
        <>
          <Headline data={data} filter={filter} />
          {data.totals.episodes === 0 ? (
            <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No episodes match this filter.</p>
          ) : (
            <>
              <Composition data={data} filter={filter} />
              <ResolvedRates data={data} filter={filter} />
              <Distributions data={data} filter={filter} />
              <section aria-label="Review" className="space-y-3">
                <h2 className="text-lg font-semibold">Review</h2>
                <ReviewProgress review={data.review} filter={filter} />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
