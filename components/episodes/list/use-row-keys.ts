"use client";

import { useEffect, useRef, type RefObject } from "react";

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** +1 / -1 for a row-moving key; the arrows only count while focus is already on a row. */
export function rowStep(key: string, isInTable: boolean): number {
  if (key === "j" || (key === "ArrowDown" && isInTable)) return 1;
  if (key === "k" || (key === "ArrowUp" && isInTable)) return -1;
  return 0;
}

type Options = {
  tableRef: RefObject<HTMLElement | null>;
  rowCount: number;
  /** The row to start from when no row has focus yet (the first one in view). */
  firstVisibleIndex: () => number;
  scrollToIndex: (index: number) => void;
};

function focusRowLink(table: HTMLElement | null, index: number): boolean {
  const link = table?.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-link]`);
  link?.focus({ preventScroll: true });
  return Boolean(link);
}

/**
 * j/k (anywhere but a text field) and the arrow keys (on a row) move focus between the rows'
 * links; Enter then opens the focused link natively. A row outside the virtual window is
 * focused once scrolling has rendered it.
 */
export function useRowKeys({ tableRef, rowCount, firstVisibleIndex, scrollToIndex }: Options) {
  const pending = useRef<number | null>(null);
  const latest = useRef({ rowCount, firstVisibleIndex, scrollToIndex });
  useEffect(() => {
    latest.current = { rowCount, firstVisibleIndex, scrollToIndex };
    if (pending.current !== null && focusRowLink(tableRef.current, pending.current)) pending.current = null;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      const focusedRow = document.activeElement?.closest<HTMLElement>("[role=row][data-index]");
      const isInTable = Boolean(focusedRow && tableRef.current?.contains(focusedRow));
      const step = rowStep(event.key, isInTable);
      const { rowCount, firstVisibleIndex, scrollToIndex } = latest.current;
      if (step === 0 || rowCount === 0) return;
      event.preventDefault();
      const next = isInTable ? Math.min(rowCount - 1, Math.max(0, Number(focusedRow!.dataset.index) + step)) : firstVisibleIndex();
      scrollToIndex(next);
      pending.current = focusRowLink(tableRef.current, next) ? null : next;
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [tableRef]);
}
