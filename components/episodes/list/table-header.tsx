import type { EpisodeFilter, SortKey } from "@/lib/search/filter";
import type { Column } from "./columns";

type Props = { columns: readonly Column[]; template: string; filter: EpisodeFilter; onSort: (sort: SortKey) => void };

export function TableHeader({ columns, template, filter, onSort }: Props) {
  return (
    <div role="rowgroup" className="border-b border-stone-200 bg-stone-100 text-left text-stone-600">
      <div role="row" aria-rowindex={1} className="grid" style={{ gridTemplateColumns: template }}>
        {columns.map((column) => {
          const isSorted = column.sort !== undefined && filter.sort === column.sort;
          const direction = filter.dir === "asc" ? "ascending" : "descending";
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={isSorted ? direction : undefined}
              className={`truncate px-2 py-2 font-medium ${column.isNumeric ? "text-right" : ""}`}
            >
              {column.sort ? (
                <button type="button" className="inline-flex items-center gap-1 hover:text-stone-900" onClick={() => onSort(column.sort!)}>
                  {column.title}
                  <span aria-hidden className={isSorted ? "text-stone-900" : "text-stone-300"}>
                    {isSorted && filter.dir === "asc" ? "▲" : "▼"}
                  </span>
                </button>
              ) : (
                column.title
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
