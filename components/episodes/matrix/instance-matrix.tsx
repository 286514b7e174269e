"use client";

import { Button } from "@/components/ui/button";
import { MatrixCell, otherColumn } from "./matrix-cell";
import { MatrixLegend } from "./matrix-legend";
import { useInstanceMatrix } from "./use-instance-matrix";

/** Instances (rows, most attempts first) × models (columns, most episodes first), with sticky headers. */
export function InstanceMatrix({ query }: { query: string }) {
  const { data, error, isPending, hasNextPage, isFetchingNextPage, fetchNextPage } = useInstanceMatrix(query);

  if (isPending) return <p className="text-stone-500">Loading the matrix…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  const { models, totalInstances } = data.pages[0];
  const rows = data.pages.flatMap((page) => page.rows);
  if (totalInstances === 0)
    return <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No episodes with an instance id match this filter.</p>;

  return (
    <div className="space-y-3">
      <MatrixLegend />
      <div className="max-h-[70vh] overflow-auto rounded border border-stone-200 bg-white">
        <table className="border-separate border-spacing-0 text-sm">
          <caption className="sr-only">Resolved attempts by instance (rows) and model (columns)</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 top-0 z-20 border-b border-r border-stone-200 bg-stone-100 px-3 py-2 text-left text-stone-600">
                Instance
              </th>
              {models.map((model) => (
                <th
                  key={model}
                  scope="col"
                  title={model}
                  className="sticky top-0 z-10 min-w-20 max-w-36 border-b border-r border-stone-200 bg-stone-100 px-2 py-2 text-left align-bottom text-xs font-medium text-stone-700"
                >
                  <span className="block max-w-32 break-words">{model === otherColumn ? "other or no model" : model}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.instanceId}>
                <th scope="row" className="sticky left-0 z-10 border-b border-r border-stone-200 bg-white px-3 py-1 text-left font-normal">
                  <span className="block max-w-72 truncate font-mono text-xs" title={row.instanceId}>
                    {row.instanceId}
                  </span>
                  {row.repo && <span className="block max-w-72 truncate text-xs text-stone-500">{row.repo}</span>}
                </th>
                {models.map((model) => (
                  <MatrixCell key={model} query={query} instanceId={row.instanceId} model={model} cell={row.cells[model]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3 text-sm text-stone-600">
        <span>
          {rows.length.toLocaleString("en")} of {totalInstances.toLocaleString("en")} instances
        </span>
        {hasNextPage && (
          <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? "Loading…" : "Load more instances"}
          </Button>
        )}
      </div>
    </div>
  );
}
