"use client";

import { useState, type RefObject } from "react";
import type { StepSearchResult } from "@/lib/viewer/search-steps";

type TimelineToolbarProps = {
  inputRef: RefObject<HTMLInputElement | null>;
  submitted: string;
  onSubmit: (text: string) => void;
  result: StepSearchResult | undefined;
  isSearching: boolean;
  current: number;
  onCurrent: (index: number) => void;
  position: number | null;
  stepCount: number;
};

/** Sticky above the steps: search the episode ("/"), step through the matches, where you are. */
export function TimelineToolbar({ inputRef, submitted, onSubmit, result, isSearching, current, onCurrent, position, stepCount }: TimelineToolbarProps) {
  const [text, setText] = useState(submitted);
  const matches = result?.steps ?? [];
  const move = (delta: number) => matches.length > 0 && onCurrent((current + delta + matches.length) % matches.length);
  return (
    <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-stone-200 bg-stone-50/95 py-2 text-sm backdrop-blur">
      <form
        role="search"
        className="flex items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== "" && text.trim() === submitted) move(1);
          else onSubmit(text);
        }}
      >
        <input
          ref={inputRef}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") event.currentTarget.blur();
          }}
          aria-label="Search this episode"
          placeholder="Search steps ( / )"
          className="w-64 rounded border border-stone-300 bg-white px-2 py-1"
        />
        <button type="submit" className="rounded border border-stone-300 bg-white px-2 py-1 hover:bg-stone-100">
          Search
        </button>
      </form>
      {submitted && (
        <span aria-live="polite" className="flex items-center gap-1 text-stone-600">
          {isSearching && !result
            ? "Searching…"
            : matches.length === 0
              ? "No steps match"
              : `Match ${current + 1} of ${result!.total.toLocaleString("en-US")} steps`}
          {matches.length > 1 && (
            <>
              <button type="button" onClick={() => move(-1)} aria-label="Previous matching step" className="rounded border border-stone-300 bg-white px-1.5">
                ↑
              </button>
              <button type="button" onClick={() => move(1)} aria-label="Next matching step" className="rounded border border-stone-300 bg-white px-1.5">
                ↓
              </button>
            </>
          )}
        </span>
      )}
      <span className="flex-1" />
      <span className="text-stone-600 tabular-nums">
        {position === null ? "" : `Step ${position} · `}
        {stepCount.toLocaleString("en-US")} steps
      </span>
      <span className="text-xs text-stone-500">
        Press <kbd className="rounded border border-stone-300 bg-white px-1 font-mono">?</kbd> for keys
      </span>
    </div>
  );
}
