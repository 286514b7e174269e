"use client";

import type { VirtualItem, Virtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState } from "react";

/**
 * Coming back to the list (Back, or a reload) lands where the reader left: the scroll position
 * and the row sizes the virtualizer had measured are kept in sessionStorage per URL. The loaded
 * pages themselves come back from the TanStack Query cache.
 */
type SavedPosition = { y: number; items: VirtualItem[] };

const storageKey = (key: string) => `atelier.episodes.scroll:${key}`;

// Only a history traversal restores; a click (a new navigation) means "start at the top".
let isReturning = false;
if (typeof window !== "undefined") {
  const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  isReturning = entry?.type === "reload" || entry?.type === "back_forward";
  window.addEventListener("popstate", () => (isReturning = true));
  window.addEventListener("click", () => (isReturning = false), true);
}

function read(key: string): SavedPosition | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(key)) ?? "null");
    return typeof saved?.y === "number" && Array.isArray(saved.items) ? saved : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, position: SavedPosition) {
  try {
    sessionStorage.setItem(storageKey(key), JSON.stringify(position));
  } catch {
    // Storage full or disabled: coming back starts at the top, nothing else breaks.
  }
}

/** The row sizes measured last time this URL was shown, for `initialMeasurementsCache`. */
export function useSavedMeasurements(key: string): VirtualItem[] | undefined {
  const [items] = useState(() => (typeof window !== "undefined" && isReturning ? read(key)?.items : undefined));
  return items;
}

type Options = { key: string; isReady: boolean; virtualizer: Virtualizer<Window, Element>; listTop: () => number };

export function useScrollRestore({ key, isReady, virtualizer, listTop }: Options) {
  const handledKey = useRef<string | null>(null);

  useEffect(() => {
    if (!isReady || handledKey.current === key) return;
    const isFirstView = handledKey.current === null;
    handledKey.current = key;
    const saved = isReturning ? read(key) : undefined;
    isReturning = false;
    if (saved) window.scrollTo(0, saved.y);
    // A new filter starts at the top of its results, not halfway down the old ones.
    else if (!isFirstView && window.scrollY > listTop()) window.scrollTo(0, listTop());
  }, [key, isReady, listTop]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      if (handledKey.current === key) write(key, { y: window.scrollY, items: virtualizer.takeSnapshot() });
    };
    const saveSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(save, 150);
    };
    window.addEventListener("scroll", saveSoon, { passive: true });
    // Opening a row: save now, before the next page scrolls the window.
    window.addEventListener("click", save, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("scroll", saveSoon);
      window.removeEventListener("click", save, true);
    };
  }, [key, virtualizer]);
}
