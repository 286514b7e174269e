"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { TableHead } from "@/components/ui/table-head";
import type { AuditPage } from "@/lib/review/history/schema";
import { getJson } from "./api";
import { AuditFilterForm } from "./audit-filters";
import { auditFiltersFromParams, auditSearch, type AuditFilters } from "./audit-query";
import { AuditRow } from "./audit-row";
import { auditKeys } from "./review-keys";

const headers = ["When", "Actor", "Action", "Target", "Change"];

/** The append-only audit trail, newest first, filtered by target and actor; nothing here edits it. */
export function AuditView() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => auditFiltersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const trail = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => getJson<AuditPage>(`/api/audit?${auditSearch(filters, pageParam)}`, "Loading the audit trail"),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const apply = (next: AuditFilters) => {
    const query = auditSearch(next);
    router.replace(query ? `${pathname}?${query}` : pathname);
  };
  const events = trail.data?.pages.flatMap((page) => page.items) ?? [];
  const actorName = filters.actorId ? (events.find((e) => e.actorId === filters.actorId)?.actor ?? null) : null;

  return (
    <div className="space-y-4">
      <AuditFilterForm key={auditSearch(filters)} filters={filters} actorName={actorName} onApply={apply} />
      {trail.isPending ? (
        <p className="text-stone-500">Loading the audit trail…</p>
      ) : trail.error ? (
        <p role="alert" className="text-red-700">
          {trail.error.message}
        </p>
      ) : events.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No events match these filters.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse overflow-hidden rounded border border-stone-200 bg-white text-sm">
            <caption className="sr-only">Audit events, newest first</caption>
            <TableHead headers={headers} />
            <tbody>
              {events.map((event) => (
                <AuditRow key={event.id} event={event} onActor={(actorId) => apply({ ...filters, actorId })} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trail.hasNextPage && (
        <Button disabled={trail.isFetchingNextPage} onClick={() => trail.fetchNextPage()}>
          {trail.isFetchingNextPage ? "Loading…" : "Older events"}
        </Button>
      )}
    </div>
  );
}
