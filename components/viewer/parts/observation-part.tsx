"use client";

import { useEffect, useMemo, useState } from "react";
import type { ObservationPart as Observation } from "@/lib/formats/episode";
import { isCollapsible, matchingLines, outputItems } from "@/lib/viewer/output-lines";
import type { TestRunSummary as Summary } from "@/lib/viewer/test-output";
import { OutputSearch } from "./output-search";
import type { PartContext } from "./part-props";
import { TestRunSummary } from "./test-run-summary";
import { TextLines } from "./text-lines";

const SEARCHABLE_LINES = 4;

/** What a tool returned: monospace, ANSI colours as classes, numbered, collapsed to head and tail, searchable. */
export function ObservationPart({ part, testRun, context }: { part: Observation; testRun: Summary | null; context: PartContext }) {
  const items = useMemo(() => outputItems(part.text, context.clips.get("text")), [part.text, context.clips]);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchingLines(items, query), [items, query]);
  const activeLine = matches.length > 0 ? matches[Math.min(active, matches.length - 1)] : null;
  const lineCount = items.findLast((item) => item.kind === "line")?.number ?? 0;

  useEffect(() => {
    if (activeLine !== null) document.getElementById(`${context.idPrefix}-L${activeLine}`)?.scrollIntoView({ block: "center" });
  }, [activeLine, context.idPrefix]);

  return (
    <div className="space-y-1" data-part="observation">
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
        <span className="font-medium tracking-wide text-stone-500 uppercase">Output</span>
        {part.toolName && <span className="font-mono">{part.toolName}</span>}
        {part.exitCode != null && <span className={part.exitCode === 0 ? "" : "font-semibold text-red-700"}>exit {part.exitCode}</span>}
        <span>
          {lineCount.toLocaleString("en-US")} line{lineCount === 1 ? "" : "s"}
        </span>
        <span className="flex-1" />
        {lineCount >= SEARCHABLE_LINES && (
          <OutputSearch query={query} onQuery={setQuery} matchCount={matches.length} active={active} onActive={setActive} label={`Find in the output of step ${context.stepIdx}`} />
        )}
        {isCollapsible(items) && (
          <button type="button" onClick={context.onToggleExpand} className="rounded border border-stone-300 px-1.5 hover:bg-stone-100">
            {context.isExpanded ? "Collapse output" : "Expand output"}
          </button>
        )}
      </div>
      {testRun && <TestRunSummary summary={testRun} />}
      <TextLines
        items={items}
        variant="terminal"
        isExpanded={context.isExpanded || query !== ""}
        onExpand={context.onToggleExpand}
        query={query || context.highlight}
        activeLine={query ? activeLine : null}
        onLoadFull={context.onLoadFull}
        isLoadingFull={context.isLoadingFull}
        idPrefix={context.idPrefix}
      />
    </div>
  );
}
