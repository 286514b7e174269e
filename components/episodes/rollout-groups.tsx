"use client";

/** Placeholder: the rollout-groups helper's component replaces this file at merge. */
export function RolloutGroups({ query }: { query: string }) {
  return <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600" data-query={query}>Rollout groups are not built yet.</p>;
}
