"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { AnnotatorStatsList } from "@/lib/review/stats/schema";
import { getJson } from "./api";
import { PeriodFilter } from "./period-filter";
import { statsKeys } from "./review-keys";
import { AgreementChart, ItemsPerDayChart, MedianTimeChart, VerdictMixChart } from "./stats-charts";
import { periodFromParams, queueFromParams, statsPageQuery, statsQuery } from "./stats-period";
import { StatsQueuePicker } from "./stats-queue-picker";
import { StatsTable } from "./stats-table";

/** Annotator statistics over a period, in every queue or one: four charts and the table of the same numbers. */
export function StatsView({ isEveryone }: { isEveryone: boolean }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // "Today" is read once per URL: the period does not drift while the page is open.
  const period = useMemo(() => periodFromParams(new URLSearchParams(searchParams.toString()), new Date()), [searchParams]);
  const queue = queueFromParams(new URLSearchParams(searchParams.toString()));
  const periodQuery = period.days === null ? `from=${period.from}&to=${period.to}` : `days=${period.days}`;
  const stats = useQuery({
    queryKey: statsKeys.list(period, queue),
    queryFn: () => getJson<AnnotatorStatsList>(`/api/annotators/stats?${statsQuery(period, queue)}`, "Loading statistics"),
  });
  return (
    <div className="space-y-4" aria-busy={stats.isFetching}>
      <div className="flex flex-wrap items-start gap-6">
        <PeriodFilter key={`${period.from}:${period.to}`} period={period} onChange={(query) => router.replace(`${pathname}?${statsPageQuery(query, queue)}`)} />
        <StatsQueuePicker queue={queue} onChange={(next) => router.replace(`${pathname}?${statsPageQuery(periodQuery, next)}`)} />
      </div>
      {!isEveryone && <p className="text-sm text-stone-600">You see your own statistics; reviewers see every annotator&apos;s.</p>}
      {stats.isPending ? (
        <p className="text-stone-500">Loading statistics…</p>
      ) : stats.error ? (
        <p role="alert" className="text-red-700">
          {stats.error.message}
        </p>
      ) : stats.data.items.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No judgments were submitted in this period{queue === null ? "" : " in this queue"}.</p>
      ) : (
        <>
          <div className="grid items-start gap-4 lg:grid-cols-2">
            <ItemsPerDayChart items={stats.data.items} period={period} />
            <MedianTimeChart items={stats.data.items} />
            <AgreementChart items={stats.data.items} />
            <VerdictMixChart items={stats.data.items} />
          </div>
          <StatsTable items={stats.data.items} />
        </>
      )}
    </div>
  );
}
