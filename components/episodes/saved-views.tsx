"use client";

/** Placeholder: the saved-views helper's component replaces this file at merge. */
export function SavedViews({ query }: { query: string }) {
  return <span hidden data-query={query} />;
}
