import Link from "next/link";
import { reviewedStatuses, type ReviewProgress as Progress } from "@/lib/insights/shape";
import type { EpisodeFilter } from "@/lib/search/filter";
import { ChartCard } from "./chart-card";
import { listHref } from "./drill-down";
import { formatCount, formatPercent, plural } from "./format";
import { ReviewChart, reviewColors, reviewNames } from "./review-chart";

export function ReviewProgress({ review, filter }: { review: Progress; filter: EpisodeFilter }) {
  const total = review.reviewed + review.pending;
  const totals = Object.fromEntries(reviewedStatuses.map((s) => [s, review.days.reduce((n, d) => n + d[s], 0)]));
  const note = (
    <>
      {formatCount(review.reviewed)} of {formatCount(total)} reviewed ({formatPercent(total === 0 ? null : review.reviewed / total)}),{" "}
      <Link href={listHref(filter, { review: ["pending"] })} className="text-blue-700 hover:underline">
        {formatCount(review.pending)} pending
      </Link>
      {review.undated > 0 && `; ${plural(review.undated, "review")} without a date ${review.undated === 1 ? "is" : "are"} counted but not drawn`}
    </>
  );
  return (
    <ChartCard
      title="Review progress over time"
      note={note}
      isEmpty={review.days.length === 0}
      emptyText={total === 0 ? "No episodes match this filter." : `No dated reviews yet: ${plural(review.pending, "episode")} pending.`}
    >
      <ul className="flex flex-wrap gap-x-4 text-xs text-stone-600">
        {reviewedStatuses.map((status) => (
          <li key={status} className="flex items-center gap-1">
            <span aria-hidden className="inline-block size-2 rounded-sm" style={{ background: reviewColors[status] }} />
            <Link href={listHref(filter, { review: [status] })} className="hover:underline">
              {formatCount(totals[status])} {reviewNames[status]}
            </Link>
          </li>
        ))}
      </ul>
      <ReviewChart days={review.days} filter={filter} />
    </ChartCard>
  );
}
