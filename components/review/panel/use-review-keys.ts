"use client";

import { useEffect, useRef } from "react";
import { reviewKeyAction, type ReviewKeyAction } from "./review-shortcuts";

const choiceInputTypes = new Set(["radio", "checkbox", "button", "submit", "reset"]);

/** Typing owns the keyboard: text fields, selects, editable content; radios and checkboxes do not. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("textarea, select, [contenteditable=''], [contenteditable='true']")) return true;
  return target instanceof HTMLInputElement && !choiceInputTypes.has(target.type);
}

/**
 * The review keys on the whole page (digits, a / r / c, and n in a queue), so a judge can score
 * while reading the timeline. Like the viewer's keys they are ignored with Ctrl / Alt / Meta, while
 * typing and under a modal dialog; unlike them they also work with a radio or checkbox focused
 * (the panel's own controls).
 */
export function useReviewKeys(isEnabled: boolean, isInQueue: boolean, onAction: (action: ReviewKeyAction) => void) {
  const latest = useRef(onAction);
  useEffect(() => {
    latest.current = onAction;
  });
  useEffect(() => {
    if (!isEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      const action = reviewKeyAction(event.key, { isInQueue });
      if (!action || isTyping(event.target) || document.querySelector("dialog[open]")) return;
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isEnabled, isInQueue]);
}
