"use client";

import { useCallback } from "react";
import { RolloutGroups } from "@/components/episodes/rollout-groups";
import { EpisodeTable } from "../episode-table";
import { useEpisodes } from "../use-episodes";
import { ActiveFilters } from "./active-filters";
import { ColumnChooser } from "./column-chooser";
import { EpisodeToolbar } from "./episode-toolbar";
import { FilterSidebar } from "./filter-sidebar";
import { setSearch, sortBy } from "./filter-edits";
import { SearchBox } from "./search-box";
import { useFilterUrl } from "./use-filter-url";
import { useVisibleColumns } from "./use-visible-columns";

/** The Episodes page: filter sidebar, search, chips, toolbar and the table (or rollout groups). */
export function EpisodeBrowser() {
  const { filter, view, query, urlKey, changeFilter, changeView } = useFilterUrl();
  const columns = useVisibleColumns();
  const { data, isPlaceholderData } = useEpisodes(filter);
  const first = data?.pages[0];
  const onSearch = useCallback((q: string) => changeFilter((f) => setSearch(f, q), "replace"), [changeFilter]);

  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <div className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto lg:pr-2">
        <FilterSidebar filter={filter} onChange={changeFilter} />
      </div>
      <div className="min-w-0 space-y-3">
        <SearchBox value={filter.q} onSearch={onSearch} />
        <ActiveFilters filter={filter} onChange={changeFilter} />
        <EpisodeToolbar
          query={query}
          view={view}
          total={first && { total: first.total, isTotalEstimated: first.isTotalEstimated, isUpdating: isPlaceholderData }}
          onView={changeView}
        >
          {view === "table" && <ColumnChooser visibleIds={columns.visibleIds} onToggle={columns.toggle} onReset={columns.reset} />}
        </EpisodeToolbar>
        {view === "groups" ? (
          <RolloutGroups query={query} />
        ) : (
          <EpisodeTable filter={filter} urlKey={urlKey} columns={columns.visible} onSort={(sort) => changeFilter((f) => sortBy(f, sort))} />
        )}
      </div>
    </div>
  );
}
