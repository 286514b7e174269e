"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { AlignedRow, AlignmentSummary } from "@/lib/compare/align";
import { GapCell, StepCell } from "./step-cell";

const marker = { same: "=", similar: "≈", gap: "" } as const;
const tone = { same: "bg-emerald-50/60", similar: "", gap: "bg-amber-50" } as const;

/**
 * The two episodes' steps in aligned rows, in one scroll box so both sides scroll together.
 * Only the rows on screen are rendered, and their steps are fetched by page as they appear.
 */
export function AlignedSteps({ a, b, rows, summary }: { a: number; b: number; rows: AlignedRow[]; summary: AlignmentSummary }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 120,
    overscan: 6,
  });
  const gapRows = useMemo(() => rows.flatMap((row, i) => (row.match === "gap" ? [i] : [])), [rows]);
  const [gap, setGap] = useState<number | null>(null);

  function jumpToGap(delta: 1 | -1) {
    if (gapRows.length === 0) return;
    const next = gap === null ? (delta > 0 ? 0 : gapRows.length - 1) : (gap + delta + gapRows.length) % gapRows.length;
    setGap(next);
    virtualizer.scrollToIndex(gapRows[next], { align: "center" });
  }

  const activeRow = gap === null ? null : gapRows[gap];
  return (
    <section aria-labelledby="aligned-steps-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="aligned-steps-heading" className="text-lg font-semibold">
          Steps, aligned
        </h2>
        <p className="text-sm text-stone-600">
          {summary.rows} rows: {summary.same} same, {summary.similar} similar, {summary.gaps} {summary.gaps === 1 ? "gap" : "gaps"}
        </p>
        <div className="flex items-center gap-2">
          {gap !== null && <span className="text-xs text-stone-600">Gap {gap + 1} of {gapRows.length}</span>}
          <Button size="sm" onClick={() => jumpToGap(-1)} disabled={gapRows.length === 0}>
            Previous gap
          </Button>
          <Button size="sm" onClick={() => jumpToGap(1)} disabled={gapRows.length === 0}>
            Next gap
          </Button>
        </div>
      </div>
      <p className="text-xs text-stone-500">
        “=” the same action (kind, tool and command), “≈” the same kind of action; a highlighted row is a step only one episode took.
      </p>
      <div role="table" aria-label="Aligned steps" aria-rowcount={rows.length + 1} className="rounded border border-stone-200 bg-white">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="grid grid-cols-[1fr_1.5rem_1fr] border-b border-stone-200 bg-stone-50 text-xs font-medium text-stone-700">
            <div role="columnheader" className="px-3 py-1.5">
              A · Episode {a}
            </div>
            <div aria-hidden />
            <div role="columnheader" className="px-3 py-1.5">
              B · Episode {b}
            </div>
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="h-[70vh] overflow-auto">
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`absolute left-0 top-0 grid w-full grid-cols-[1fr_1.5rem_1fr] border-b border-stone-100 ${tone[row.match]} ${item.index === activeRow ? "ring-2 ring-inset ring-amber-400" : ""}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.a === null ? <GapCell otherSide="B" /> : <StepCell episodeId={a} idx={row.a} />}
                  <div aria-hidden title={row.match} className="flex items-start justify-center pt-2 font-mono text-sm text-stone-500">
                    {marker[row.match]}
                  </div>
                  {row.b === null ? <GapCell otherSide="A" /> : <StepCell episodeId={b} idx={row.b} />}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
