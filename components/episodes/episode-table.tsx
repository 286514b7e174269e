"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { toSearchParams, type EpisodeFilter, type SortKey } from "@/lib/search/filter";
import { formatCount } from "./list/cell-format";
import { gridTemplate, type Column } from "./list/columns";
import { CompareSelection } from "./list/compare-selection";
import { EpisodeRow } from "./list/episode-row";
import { TableHeader } from "./list/table-header";
import { useRowKeys } from "./list/use-row-keys";
import { useSavedMeasurements, useScrollRestore } from "./list/use-scroll-restore";
import { useEpisodes } from "./use-episodes";

type Props = { filter: EpisodeFilter; urlKey: string; columns: readonly Column[]; onSort: (sort: SortKey) => void };

const ROW_HEIGHT = 37;
const SNIPPET_HEIGHT = 40;
/** Start loading the next page this many rows before the end comes into view. */
const PREFETCH_ROWS = 10;

/** The filtered episodes as a virtual table over keyset pages, loaded as the reader scrolls. */
export function EpisodeTable({ filter, urlKey, columns, onSort }: Props) {
  const { data, error, isPending, isPlaceholderData, hasNextPage, isFetchingNextPage, fetchNextPage } = useEpisodes(filter);
  const rows = data?.pages.flatMap((page) => page.items) ?? [];
  const first = data?.pages[0];

  const tableRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Two ticked rows open side by side in the compare page (a third tick replaces the oldest).
  const [selected, setSelected] = useState<number[]>([]);
  const toggleSelected = useCallback((id: number) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-2))), []);
  // The body's distance from the page top moves with the chips and toolbar above it.
  useLayoutEffect(() => {
    const top = (bodyRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (top !== scrollMargin) setScrollMargin(top);
  });

  const savedMeasurements = useSavedMeasurements(urlKey);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => ROW_HEIGHT + (rows[index]?.snippet ? SNIPPET_HEIGHT : 0),
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
    scrollMargin,
    initialMeasurementsCache: savedMeasurements,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (!isPlaceholderData && hasNextPage && !isFetchingNextPage && lastVisible >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [isPlaceholderData, hasNextPage, isFetchingNextPage, lastVisible, rows.length, fetchNextPage]);

  const listTop = useCallback(() => (tableRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY, []);
  useScrollRestore({ key: urlKey, isReady: Boolean(data) && !isPlaceholderData, virtualizer, listTop });
  useRowKeys({
    tableRef,
    rowCount: rows.length,
    firstVisibleIndex: () => virtualizer.range?.startIndex ?? 0,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: "auto" }),
  });

  if (isPending) return <p className="text-stone-500">Loading episodes…</p>;
  if (error && !data) return <p role="alert" className="text-red-700">{error.message}</p>;
  if (rows.length === 0) return <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No episodes match this filter.</p>;

  const template = gridTemplate(columns);
  const listQuery = toSearchParams(filter).toString();
  const minWidth = `${columns.reduce((sum, column) => sum + column.minRem, 0)}rem`;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <div
          ref={tableRef}
          role="table"
          aria-label="Episodes"
          aria-rowcount={(first?.total ?? rows.length) + 1}
          aria-busy={isPlaceholderData}
          className={`text-sm transition-opacity ${isPlaceholderData ? "opacity-50" : ""}`}
          style={{ minWidth }}
        >
          <TableHeader columns={columns} template={template} filter={filter} onSort={onSort} />
          <div ref={bodyRef} role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <EpisodeRow
                key={item.key}
                episode={rows[item.index]}
                index={item.index}
                columns={columns}
                template={template}
                start={item.start - scrollMargin}
                measure={virtualizer.measureElement}
                listQuery={listQuery}
                isSelected={selected.includes(rows[item.index].id)}
                onSelect={toggleSelected}
              />
            ))}
          </div>
        </div>
      </div>
      <CompareSelection ids={selected} onClear={() => setSelected([])} />
      <div className="flex items-center gap-3 text-sm text-stone-600">
        <p role="status">
          {formatCount(rows.length)} of {first?.isTotalEstimated ? "≈" : ""}
          {formatCount(first?.total ?? rows.length)} loaded
          {isFetchingNextPage && " · loading more…"}
        </p>
        {hasNextPage && !isFetchingNextPage && (
          <Button size="sm" onClick={() => void fetchNextPage()}>
            Load more
          </Button>
        )}
        {error && <p role="alert" className="text-red-700">{error.message}</p>}
      </div>
    </div>
  );
}
