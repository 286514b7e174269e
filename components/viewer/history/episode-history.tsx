"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { getJson } from "@/components/review/panel/review-api";
import { reviewKeys } from "@/components/review/panel/review-keys";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AuditPage } from "@/lib/review/history/schema";
import { actionLabel, changedFields, type AuditEvent } from "./describe-event";

const PAGE = 50;

function HistoryRow({ event }: { event: AuditEvent }) {
  const changes = changedFields(event.before, event.after);
  return (
    <li className="rounded border border-stone-200 bg-white p-2 text-sm">
      <p>
        <span className="font-medium">{event.actor}</span> {actionLabel(event.action)}
        <span className="text-xs text-stone-500">
          {" · "}
          <RelativeTime value={event.createdAt} />
        </span>
      </p>
      {changes.length > 0 && (
        <ul className="mt-1 font-mono text-xs text-stone-700 [overflow-wrap:anywhere]">
          {changes.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The episode's audit trail, newest first (read only): judgments, comments, masks, adjudications, bulk actions. */
export function EpisodeHistory({ episodeId }: { episodeId: number }) {
  const history = useInfiniteQuery({
    queryKey: reviewKeys.history(episodeId),
    queryFn: ({ pageParam, signal }) =>
      getJson<AuditPage>(`/api/audit?targetType=episode&targetId=${episodeId}&limit=${PAGE}${pageParam ? `&cursor=${pageParam}` : ""}`, "Loading the history", signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const events = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-label="History" className="space-y-2">
      {history.error && <p role="alert" className="text-sm text-red-700">{history.error.message}</p>}
      {history.isPending && <p className="text-sm text-stone-500">Loading the history…</p>}
      {!history.isPending && events.length === 0 && <p className="text-sm text-stone-500">Nothing has happened to this episode yet.</p>}
      <ol className="space-y-2">
        {events.map((event) => (
          <HistoryRow key={event.id} event={event} />
        ))}
      </ol>
      {history.hasNextPage && (
        <Button onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {history.isFetchingNextPage ? "Loading…" : "Older events"}
        </Button>
      )}
    </section>
  );
}
