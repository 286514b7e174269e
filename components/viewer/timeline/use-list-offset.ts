"use client";

import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * The list's distance from the top of the document (the window virtualizer's `scrollMargin`). It
 * changes when something above it changes height (the task expanded, the header's links loaded),
 * so it is re-measured whenever the page's size changes.
 */
export function useListOffset(ref: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const element = ref.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      setOffset((previous) => (Math.abs(previous - top) < 1 ? previous : top));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return offset;
}
