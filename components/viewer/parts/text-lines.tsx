"use client";

import { useState } from "react";
import { HighlightedSegments } from "./highlighted-segments";
import { clipSegments, collapseItems, LONG_LINE_CHARS, type OutputItem, type OutputLine } from "@/lib/viewer/output-lines";

/** terminal: dark, numbered (observations); code: light, numbered (file contents); prose: light, unnumbered. */
export type TextVariant = "terminal" | "code" | "prose";

const boxClass: Record<TextVariant, string> = {
  terminal: "bg-stone-900 text-stone-100 font-mono text-xs",
  code: "bg-stone-50 text-stone-900 font-mono text-xs border border-stone-200",
  prose: "text-stone-900 text-sm",
};
const collapseOf: Record<TextVariant, { head: number; tail: number; slack: number }> = {
  terminal: { head: 20, tail: 10, slack: 5 },
  code: { head: 15, tail: 5, slack: 5 },
  prose: { head: 15, tail: 0, slack: 5 },
};
/** Expanded outputs render this many lines at a time: 20,000 line elements would stall the page. */
const RENDER_BATCH = 2_000;

export type TextLinesProps = {
  items: OutputItem[];
  variant: TextVariant;
  isExpanded: boolean;
  onExpand: () => void;
  query?: string;
  /** Line number of the current search match (scrolled to by the caller). */
  activeLine?: number | null;
  /** Shown in the gap where the server left text out. */
  onLoadFull?: () => void;
  isLoadingFull?: boolean;
  /** Prefix of line element ids: `${idPrefix}-L${number}`. */
  idPrefix: string;
};

function LineText({ line, isCut, query, onExpand }: { line: OutputLine; isCut: boolean; query?: string; onExpand: () => void }) {
  const { segments, hiddenChars } = isCut ? clipSegments(line.segments, LONG_LINE_CHARS) : { segments: line.segments, hiddenChars: 0 };
  return (
    <>
      <HighlightedSegments segments={segments} query={query} />
      {hiddenChars > 0 && (
        <button type="button" onClick={onExpand} className="ml-1 rounded bg-stone-500/20 px-1 text-[11px] opacity-80 hover:opacity-100">
          … {hiddenChars.toLocaleString("en-US")} more characters
        </button>
      )}
    </>
  );
}

export function TextLines({ items, variant, isExpanded, onExpand, query, activeLine, onLoadFull, isLoadingFull, idPrefix }: TextLinesProps) {
  const [limit, setLimit] = useState(RENDER_BATCH);
  const activeIndex = activeLine == null ? -1 : items.findIndex((i) => i.kind === "line" && i.number === activeLine);
  const shownLimit = Math.max(limit, activeIndex + 1);
  const rows = isExpanded ? items.slice(0, shownLimit) : collapseItems(items, collapseOf[variant]);
  const isNumbered = variant !== "prose";
  const lastNumber = items.findLast((i) => i.kind === "line")?.number ?? 1;
  const gutter = { width: `${String(lastNumber).length + 1.5}ch` };
  return (
    <div className={`rounded ${variant === "prose" ? "" : "p-2"} ${boxClass[variant]}`}>
      {rows.map((row, i) => {
        if (row.kind === "hidden")
          return (
            <button key={`hidden-${i}`} type="button" onClick={onExpand} className="my-0.5 block w-full rounded bg-stone-500/15 py-0.5 text-center text-[11px] hover:bg-stone-500/25">
              ⋯ {row.lines.toLocaleString("en-US")} more lines — expand
            </button>
          );
        if (row.kind === "gap")
          return (
            <div key={`gap-${i}`} className="my-0.5 flex flex-wrap items-center justify-center gap-2 rounded bg-amber-500/20 py-0.5 text-[11px]">
              <span>
                ⋯ {row.chars.toLocaleString("en-US")} characters ({row.lines.toLocaleString("en-US")} lines) not loaded
              </span>
              {onLoadFull && (
                <button type="button" onClick={onLoadFull} disabled={isLoadingFull} className="rounded border border-current px-1.5 hover:bg-amber-500/20">
                  {isLoadingFull ? "Loading…" : "Load the full step"}
                </button>
              )}
            </div>
          );
        const isActive = row.number === activeLine;
        return (
          <div key={`line-${i}`} id={`${idPrefix}-L${row.number}`} className={`flex min-h-[1lh] ${isActive ? "bg-yellow-500/30" : ""}`}>
            {isNumbered && (
              <span aria-hidden style={gutter} className="shrink-0 pr-[1.5ch] text-right text-stone-500 tabular-nums select-none">
                {row.number}
              </span>
            )}
            <span className="min-w-0 flex-1 whitespace-pre-wrap [overflow-wrap:anywhere]">
              <LineText line={row} isCut={!isExpanded} query={query} onExpand={onExpand} />
            </span>
          </div>
        );
      })}
      {isExpanded && items.length > shownLimit && (
        <button type="button" onClick={() => setLimit(shownLimit + RENDER_BATCH)} className="mt-1 block w-full rounded bg-stone-500/15 py-0.5 text-center text-[11px] hover:bg-stone-500/25">
          Show {Math.min(RENDER_BATCH, items.length - shownLimit).toLocaleString("en-US")} more of {(items.length - shownLimit).toLocaleString("en-US")} remaining lines
        </button>
      )}
    </div>
  );
}
