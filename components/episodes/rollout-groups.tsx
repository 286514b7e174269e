"use client";

import Link from "next/link";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { GroupList } from "./groups/group-list";
import { matrixHref, withFilter } from "./groups/group-links";
import { useRolloutGroups } from "./groups/use-rollout-groups";

/**
 * The episode list collapsed to one row per instance: episodes that share an instance id are one
 * group, with its attempts and outcomes. `query` is the list's canonical filter query string.
 */
export function RolloutGroups({ query }: { query: string }) {
  // Only the filter's own keys reach the API (it refuses unknown ones such as `view`).
  const filterQuery = useMemo(() => withFilter(query, {}), [query]);
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage } = useRolloutGroups(filterQuery);

  if (isPending) return <p className="text-stone-500">Loading rollout groups…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  const groups = data.pages.flatMap((page) => page.items);
  const total = data.pages[0].total;
  if (total === 0)
    return <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No episodes with an instance id match this filter.</p>;

  return (
    <section aria-label="Rollout groups by instance" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-3 text-sm">
        <p className="text-stone-600">
          {total.toLocaleString("en")} {total === 1 ? "instance" : "instances"}, most attempts first
        </p>
        <Link href={matrixHref(filterQuery)} className="font-medium text-blue-700 hover:underline">
          Instance × model matrix
        </Link>
      </div>
      <GroupList
        groups={groups}
        total={total}
        query={filterQuery}
        canLoadMore={hasNextPage && !isFetchingNextPage}
        onLoadMore={fetchNextPage}
      />
      <div className="flex items-center gap-3 text-sm text-stone-600">
        <span>
          {groups.length.toLocaleString("en")} of {total.toLocaleString("en")} shown
        </span>
        {hasNextPage && (
          <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? "Loading…" : "Load more groups"}
          </Button>
        )}
      </div>
    </section>
  );
}
