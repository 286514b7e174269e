"use client";

import { useState, type PointerEvent } from "react";
import type { NumberRange } from "@/lib/search/filter";
import type { Histogram as HistogramData } from "@/lib/search/histograms";
import { formatCount } from "./cell-format";
import { bucketsRange, isBucketSelected } from "./histogram-selection";

type Props = { title: string; histogram: HistogramData; selected: NumberRange | undefined; formatValue: (value: number) => string; onSelect: (range: NumberRange) => void };

const WIDTH = 200;
const HEIGHT = 40;

/** Bars of the filtered distribution; click a bar or drag across bars to select their range. */
export function Histogram({ title, histogram, selected, formatValue, onSelect }: Props) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const { buckets } = histogram;
  if (buckets.length === 0) return null;
  const highest = Math.max(1, ...buckets.map((b) => b.count));
  const barWidth = WIDTH / buckets.length;

  const bucketAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return Math.min(buckets.length - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * buckets.length)));
  };
  const isInDrag = (index: number) => drag !== null && index >= Math.min(drag.from, drag.to) && index <= Math.max(drag.from, drag.to);

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${title} distribution`}
      className="h-10 w-full cursor-crosshair touch-none select-none"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const index = bucketAt(event);
        setDrag({ from: index, to: index });
      }}
      onPointerMove={(event) => drag && setDrag({ ...drag, to: bucketAt(event) })}
      onPointerUp={() => {
        const range = drag && bucketsRange(buckets, drag.from, drag.to);
        setDrag(null);
        if (range) onSelect(range);
      }}
      onPointerCancel={() => setDrag(null)}
    >
      {buckets.map((bucket, index) => {
        const height = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / highest) * HEIGHT);
        const isActive = drag ? isInDrag(index) : isBucketSelected(bucket, selected);
        return (
          <rect
            key={index}
            x={index * barWidth + 0.5}
            y={HEIGHT - height}
            width={Math.max(1, barWidth - 1)}
            height={height}
            className={isActive ? "fill-sky-600" : "fill-stone-300 hover:fill-stone-400"}
          >
            <title>{`${formatValue(bucket.from)}–${formatValue(bucket.to)}: ${formatCount(bucket.count)} episodes`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
