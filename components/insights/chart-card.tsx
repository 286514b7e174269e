import { useId, type ReactNode } from "react";

/**
 * One chart with its title (also the chart's accessible name), an optional note, and a plain
 * sentence instead of an empty frame when there is nothing to draw.
 */
export function ChartCard({
  title,
  note,
  emptyText,
  isEmpty,
  children,
}: {
  title: string;
  note?: ReactNode;
  emptyText: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <figure role="group" aria-labelledby={titleId} className="space-y-2 rounded border border-stone-200 bg-white p-4">
      <figcaption>
        <h3 id={titleId} className="font-semibold">
          {title}
        </h3>
        {note && <p className="text-xs text-stone-500">{note}</p>}
      </figcaption>
      {isEmpty ? <p className="rounded border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500">{emptyText}</p> : children}
    </figure>
  );
}
