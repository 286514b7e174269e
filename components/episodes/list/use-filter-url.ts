"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { parseEpisodeFilter, type EpisodeFilter } from "@/lib/search/filter";
import { canonicalQuery, listHref, type ListView } from "./filter-edits";

export type NavigationMode = "push" | "replace";

/**
 * The list's state is its URL: the filter (canonical, so a shared link reproduces the view) and
 * `view`. Edits receive the latest filter, so a debounced search never undoes a facet click.
 */
export function useFilterUrl() {
  const searchParams = useSearchParams();
  const raw = searchParams.toString();
  const filter = useMemo(() => parseEpisodeFilter(new URLSearchParams(raw)), [raw]);
  const view: ListView = searchParams.get("view") === "groups" ? "groups" : "table";
  const latest = useRef({ filter, view });
  useLayoutEffect(() => {
    latest.current = { filter, view };
  }, [filter, view]);

  // A stale or hand-edited link is rewritten to the filter it actually shows.
  useEffect(() => {
    const href = listHref(filter, view);
    if (href !== (raw ? `/episodes?${raw}` : "/episodes")) window.history.replaceState(null, "", href);
  }, [filter, view, raw]);

  const go = useCallback(
    (next: { filter: EpisodeFilter; view: ListView }, mode: NavigationMode) => {
      latest.current = next;
      // Native history calls update useSearchParams without a server round trip (the list's data
      // comes from the API, not the page), so a facet click re-renders at once.
      const href = listHref(next.filter, next.view);
      if (mode === "push") window.history.pushState(null, "", href);
      else window.history.replaceState(null, "", href);
    },
    [],
  );
  const changeFilter = useCallback(
    (change: (filter: EpisodeFilter) => EpisodeFilter, mode: NavigationMode = "push") => go({ ...latest.current, filter: change(latest.current.filter) }, mode),
    [go],
  );
  const changeView = useCallback((next: ListView) => go({ ...latest.current, view: next }, "push"), [go]);

  return { filter, view, query: canonicalQuery(filter), urlKey: listHref(filter, view), changeFilter, changeView };
}
