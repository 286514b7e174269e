/**
 * What each chart draws, one row per bar: its label, value, link (null for the "other" and
 * "unknown" buckets, which no filter can select) and the sentence a tooltip and a screen reader
 * give for it.
 */
import type { Histogram } from "@/lib/search/histograms";
import type { EpisodeFilter, RangeKey } from "@/lib/search/filter";
import type { Composition, ResolvedRates } from "@/lib/insights/shape";
import { listHref } from "./drill-down";
import { formatCount, formatPercent, plural } from "./format";

export type ChartRow = {
  key: string;
  label: string;
  value: number;
  /** The value as the bar's label shows it. */
  valueText: string;
  href: string | null;
  description: string;
};

type ValueKey = "source" | "repo" | "model";

export function compositionRows(composition: Composition, key: ValueKey, filter: EpisodeFilter): ChartRow[] {
  const rows: ChartRow[] = composition.values.map(({ value, count }) => ({
    key: `value:${value}`,
    label: value,
    value: count,
    valueText: formatCount(count),
    href: listHref(filter, { [key]: [value] }),
    description: `${value}: ${plural(count, "episode")}`,
  }));
  if (composition.other.count > 0)
    rows.push({
      key: "other",
      label: `(other: ${formatCount(composition.other.values)} more)`,
      value: composition.other.count,
      valueText: formatCount(composition.other.count),
      href: null,
      description: `${plural(composition.other.values, `other ${key}`)}: ${plural(composition.other.count, "episode")}`,
    });
  if (composition.unknown > 0)
    rows.push({ key: "unknown", label: "(unknown)", value: composition.unknown, valueText: formatCount(composition.unknown), href: null, description: `No ${key} recorded: ${plural(composition.unknown, "episode")}` });
  return rows;
}

type Outcomes = ResolvedRates["unknown"];

function outcomeText({ resolved, unresolved, unknown, rate }: Outcomes): string {
  const known = resolved + unresolved;
  const ratePart = rate === null ? "no known outcome" : `${formatPercent(rate)} resolved (${formatCount(resolved)} of ${formatCount(known)})`;
  return unknown > 0 ? `${ratePart}, ${formatCount(unknown)} unknown` : ratePart;
}

/** Bars are percentages; a value whose outcomes are all unknown draws no bar but keeps its row. */
export function rateRows(rates: ResolvedRates, key: "repo" | "model", filter: EpisodeFilter): ChartRow[] {
  const percent = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);
  const rows: ChartRow[] = rates.values.map((row) => ({
    key: `value:${row.value}`,
    label: row.value,
    value: percent(row.rate),
    valueText: formatPercent(row.rate),
    href: row.resolved > 0 ? listHref(filter, { [key]: [row.value], resolved: ["true"] }) : null,
    description: `${row.value}: ${outcomeText(row)}`,
  }));
  const attempts = (o: Outcomes) => o.resolved + o.unresolved + o.unknown;
  if (attempts(rates.other) > 0)
    rows.push({ key: "other", label: `(other: ${formatCount(rates.other.values)} more)`, value: percent(rates.other.rate), valueText: formatPercent(rates.other.rate), href: null, description: `Other ${key}s: ${outcomeText(rates.other)}` });
  if (attempts(rates.unknown) > 0)
    rows.push({ key: "unknown", label: "(unknown)", value: percent(rates.unknown.rate), valueText: formatPercent(rates.unknown.rate), href: null, description: `No ${key} recorded: ${outcomeText(rates.unknown)}` });
  return rows;
}

export function histogramRows(histogram: Histogram, key: RangeKey, filter: EpisodeFilter, format: (n: number) => string): ChartRow[] {
  return histogram.buckets.map(({ from, to, count }) => {
    const label = from === to ? format(from) : `${format(from)}–${format(to)}`;
    return {
      key: `${from}`,
      label,
      value: count,
      valueText: formatCount(count),
      href: count > 0 ? listHref(filter, { [key]: { min: from, max: to } }) : null,
      description: `${label}: ${plural(count, "episode")}`,
    };
  });
}
