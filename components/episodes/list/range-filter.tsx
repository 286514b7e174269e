"use client";

import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from "react";
import type { NumberRange, RangeKey } from "@/lib/search/filter";
import type { Histogram as HistogramData } from "@/lib/search/histograms";
import { formatRangeValue, rangeTitles } from "./filter-labels";
import { Histogram } from "./histogram";

type Props = { rangeKey: RangeKey; histogram: HistogramData | undefined; range: NumberRange | undefined; onChange: (range: NumberRange | undefined) => void };

const toText = (value: number | undefined) => (value === undefined ? "" : String(value));
const toNumber = (text: string) => (text.trim() === "" ? undefined : Number(text));
const sameRange = (a: NumberRange | undefined, b: NumberRange | undefined) => a?.min === b?.min && a?.max === b?.max;

/** A numeric range: the histogram to pick from, and min/max boxes applied on Enter or when focus leaves them. */
export function RangeFilter({ rangeKey, histogram, range, onChange }: Props) {
  const title = rangeTitles[rangeKey];
  const [min, setMin] = useState(toText(range?.min));
  const [max, setMax] = useState(toText(range?.max));
  const [isInvalid, setIsInvalid] = useState(false);
  // What these boxes last applied: its echo through the URL must not reset what is being typed.
  const applied = useRef(range);

  useEffect(() => {
    if (sameRange(range, applied.current)) return;
    applied.current = range;
    setMin(toText(range?.min));
    setMax(toText(range?.max));
  }, [range]);

  const apply = () => {
    const next = { min: toNumber(min), max: toNumber(max) };
    const invalid = [next.min, next.max].some((v) => v !== undefined && !(Number.isFinite(v) && v >= 0));
    setIsInvalid(invalid);
    const wanted = next.min === undefined && next.max === undefined ? undefined : next;
    if (invalid || sameRange(wanted, applied.current)) return;
    applied.current = wanted;
    onChange(wanted);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply();
  };
  // Moving from min to max is still editing; leaving both applies.
  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) apply();
  };
  const hint = histogram?.min != null && histogram.max != null ? `${formatRangeValue(rangeKey, histogram.min)} – ${formatRangeValue(rangeKey, histogram.max)}` : "no values";

  return (
    <fieldset className="border-b border-stone-200 py-2">
      <legend className="flex w-full items-baseline justify-between text-sm font-semibold text-stone-800">
        {title}
        <span className="text-xs font-normal text-stone-500">{hint}</span>
      </legend>
      {histogram && (
        <Histogram title={title} histogram={histogram} selected={range} formatValue={(v) => formatRangeValue(rangeKey, v)} onSelect={onChange} />
      )}
      <form className="mt-1 flex items-center gap-1" onSubmit={onSubmit} onBlur={onBlur}>
        <input
          inputMode="decimal"
          aria-label={`${title} min`}
          placeholder="min"
          className="w-full min-w-0 rounded border border-stone-300 px-2 py-1 text-xs"
          value={min}
          onChange={(event) => setMin(event.target.value)}
        />
        <span className="text-stone-400">–</span>
        <input
          inputMode="decimal"
          aria-label={`${title} max`}
          placeholder="max"
          className="w-full min-w-0 rounded border border-stone-300 px-2 py-1 text-xs"
          value={max}
          onChange={(event) => setMax(event.target.value)}
        />
        <button type="submit" className="sr-only">
          Apply {title}
        </button>
      </form>
      {isInvalid && <p className="mt-1 text-xs text-red-700">Enter numbers of zero or more.</p>}
    </fieldset>
  );
}
