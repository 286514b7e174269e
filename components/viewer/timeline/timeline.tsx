"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState } from "react";
import { stepFromHash } from "@/lib/viewer/viewer-urls";
import { useShortcuts } from "../use-shortcuts";
import { StepPlaceholder } from "./step-placeholder";
import { StepRow } from "./step-row";
import { TimelineToolbar } from "./timeline-toolbar";
import { useFullSteps } from "./use-full-steps";
import { useListOffset } from "./use-list-offset";
import { useStepSearch } from "./use-step-search";
import { useEnsureStep, useStepWindows } from "./use-step-windows";

/** Room for the sticky toolbar, so a step scrolled to starts below it. */
const TOOLBAR_OFFSET = 60;
const ESTIMATED_STEP_HEIGHT = 180;

function toggled(set: ReadonlySet<number>, idx: number): Set<number> {
  const next = new Set(set);
  if (next.has(idx)) next.delete(idx);
  else next.add(idx);
  return next;
}

/**
 * The steps of an episode as one virtualized list over the window's scroll: only the steps on
 * screen are in the DOM, their bodies fetched by window (use-step-windows), their heights measured
 * as they render. `#step-N` opens scrolled to step N; j / k / e / "/" work on it.
 */
export function Timeline({ episodeId, stepCount }: { episodeId: number; stepCount: number }) {
  const listRef = useRef<HTMLOListElement>(null);
  const scrollMargin = useListOffset(listRef);
  const virtualizer = useWindowVirtualizer({
    count: stepCount,
    estimateSize: () => ESTIMATED_STEP_HEIGHT,
    overscan: 3,
    scrollMargin,
    scrollPaddingStart: TOOLBAR_OFFSET,
  });
  const items = virtualizer.getVirtualItems();
  const windows = useStepWindows(episodeId, stepCount, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
  const ensureStep = useEnsureStep(episodeId, stepCount);
  const [focused, setFocused] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [fullRequested, setFullRequested] = useState<ReadonlySet<number>>(new Set());
  const full = useFullSteps(episodeId, fullRequested);
  const search = useStepSearch(episodeId);
  const searchInput = useRef<HTMLInputElement>(null);
  const shouldFocusRow = useRef(false);
  // The step j / k move from: set as they move, since two quick presses can both come before a re-render.
  const focusedRef = useRef<number | null>(null);

  const goTo = useCallback(
    (idx: number, { focusRow }: { focusRow: boolean }) => {
      const target = Math.max(0, Math.min(stepCount - 1, idx));
      focusedRef.current = target;
      setFocused(target);
      shouldFocusRow.current = focusRow;
      virtualizer.scrollToIndex(target, { align: "start" });
      // Once its window is loaded the rows around it change height: land on it again.
      void ensureStep(target).then(() => virtualizer.scrollToIndex(target, { align: "start" }));
    },
    [virtualizer, ensureStep, stepCount],
  );

  // Deep links: on arrival and whenever the fragment changes (the header's flag links).
  useEffect(() => {
    const follow = () => {
      const idx = stepFromHash(window.location.hash);
      if (idx !== null && idx < stepCount) goTo(idx, { focusRow: true });
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [goTo, stepCount]);

  // Focus follows j / k once the row is rendered.
  useEffect(() => {
    if (!shouldFocusRow.current || focused === null) return;
    const row = document.getElementById(`step-${focused}`);
    if (row && !row.contains(document.activeElement)) row.focus({ preventScroll: true });
    if (row) shouldFocusRow.current = false;
  });

  // Each new search result, and each move through it, shows that step.
  const match = search.result?.steps[search.current];
  useEffect(() => {
    if (match !== undefined) goTo(match, { focusRow: false });
  }, [match, goTo]);

  const firstVisible = () => items.find((item) => item.end > (virtualizer.scrollOffset ?? 0) + TOOLBAR_OFFSET)?.index ?? 0;
  const step = (delta: number) => {
    const from = focusedRef.current;
    const target = Math.max(0, Math.min(stepCount - 1, from === null ? firstVisible() : from + delta));
    goTo(target, { focusRow: true });
    window.history.replaceState(window.history.state, "", `#step-${target}`);
  };
  const toggleExpand = useCallback((idx: number) => setExpanded((set) => toggled(set, idx)), []);
  const loadFull = useCallback((idx: number) => setFullRequested((set) => new Set(set).add(idx)), []);
  useShortcuts({
    j: () => step(1),
    k: () => step(-1),
    e: () => toggleExpand(focusedRef.current ?? firstVisible()),
    "/": () => searchInput.current?.focus(),
  });

  if (stepCount === 0) return <p className="text-sm text-stone-500">This episode has no steps.</p>;
  return (
    <section aria-label="Timeline">
      <TimelineToolbar
        inputRef={searchInput}
        submitted={search.submitted}
        onSubmit={search.submit}
        result={search.result}
        isSearching={search.isSearching}
        current={search.current}
        onCurrent={search.setCurrent}
        position={focused}
        stepCount={stepCount}
      />
      <ol ref={listRef} aria-label="Steps" className="relative mt-3" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const data = full.steps.get(item.index) ?? windows.steps.get(item.index);
          const isFocused = focused === item.index;
          return (
            <li
              key={item.key}
              id={`step-${item.index}`}
              data-index={item.index}
              ref={virtualizer.measureElement}
              tabIndex={-1}
              aria-current={isFocused ? "step" : undefined}
              onFocus={() => {
                focusedRef.current = item.index;
                setFocused(item.index);
              }}
              className="absolute top-0 left-0 w-full pb-3 outline-none"
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <div className={`rounded border bg-white ${isFocused ? "border-blue-500 ring-2 ring-blue-200" : "border-stone-200"}`}>
                {data ? (
                  <StepRow
                    episodeId={episodeId}
                    step={data}
                    isExpanded={expanded.has(item.index)}
                    isLoadingFull={full.loading.has(item.index)}
                    highlight={search.submitted}
                    onToggleExpand={toggleExpand}
                    onLoadFull={loadFull}
                  />
                ) : (
                  <StepPlaceholder idx={item.index} error={windows.error} onRetry={windows.retry} />
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
