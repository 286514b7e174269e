"use client";

/** Placeholder: the bulk-actions helper's component replaces this file at merge. */
export function BulkActions({ query, total, isTotalEstimated }: { query: string; total: number; isTotalEstimated: boolean }) {
  return <span hidden data-query={query} data-total={total} data-estimated={isTotalEstimated} />;
}
