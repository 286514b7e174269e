"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { RolloutGroup } from "@/lib/search/groups";
import { GroupRow } from "./group-row";

/** Start loading the next page when this close to the end of what is loaded. */
const loadAhead = 10;

type GroupListProps = { groups: RolloutGroup[]; total: number; query: string; canLoadMore: boolean; onLoadMore: () => unknown };

/** The groups as a window-scrolled virtual list: only the rows near the viewport are in the DOM. */
export function GroupList({ groups, total, query, canLoadMore, onLoadMore }: GroupListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Expansion lives here, not in the rows, so it survives a row scrolling out and back in.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // Where the list starts on the page; content above it (filters, notices) can change height.
  useLayoutEffect(() => {
    const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (top !== scrollMargin) setScrollMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: groups.length,
    estimateSize: () => 52,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => groups[index].instanceId,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (canLoadMore && lastShown >= groups.length - loadAhead) onLoadMore();
  }, [canLoadMore, lastShown, groups.length, onLoadMore]);

  const toggle = (instanceId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(instanceId)) next.add(instanceId);
      return next;
    });

  return (
    <ul ref={listRef} role="list" aria-label="Rollout groups" className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const group = groups[item.index];
        return (
          <li
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            aria-setsize={total}
            aria-posinset={item.index + 1}
            className="absolute left-0 top-0 w-full pb-2"
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <GroupRow group={group} query={query} isExpanded={expanded.has(group.instanceId)} onToggle={() => toggle(group.instanceId)} />
          </li>
        );
      })}
    </ul>
  );
}
