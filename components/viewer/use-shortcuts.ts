"use client";

import { useEffect, useRef } from "react";

/** Typing in a field, or a modal dialog, owns the keyboard. */
function isOwnedElsewhere(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']")) return true;
  return document.querySelector("dialog[open]") !== null;
}

/**
 * Single-key shortcuts (`j`, `?`…) on the whole page. Ignored with Ctrl / Alt / Meta (browser
 * shortcuts), while typing and under a modal; the latest handlers are used without re-subscribing.
 */
export function useShortcuts(handlers: Record<string, () => void>) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      const handler = latest.current[event.key];
      if (!handler || isOwnedElsewhere(event)) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
