"use client";

import { useBulkCount } from "@/components/episodes/use-bulk-action";
import { useSavedViews } from "@/components/episodes/use-saved-views";
import { queryFromInput } from "./filter-query";
import { useDebounced } from "./use-debounced";

export type QueueSource = { kind: "view"; viewId: number | null } | { kind: "query"; text: string };

const field = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";

/** The exact number of episodes a filter matches now (the server parses the filter strictly). */
function MatchCount({ query }: { query: string }) {
  const count = useBulkCount(query);
  if (count.isPending) return <p className="text-sm text-stone-500">Counting…</p>;
  if (count.error) return <p role="alert" className="text-sm text-red-700">{count.error.message}</p>;
  return (
    <p role="status" className="text-sm text-stone-700">
      Matches {count.data.toLocaleString("en-US")} {count.data === 1 ? "episode" : "episodes"} now.
    </p>
  );
}

/** Where the queue's episodes come from: a saved view, or a filter (the episode list's query or link). */
export function QueueSourceFields({ source, onChange }: { source: QueueSource; onChange: (source: QueueSource) => void }) {
  const views = useSavedViews();
  const typed = useDebounced(source.kind === "query" ? queryFromInput(source.text) : "", 400);
  const view = source.kind === "view" ? views.data?.items.find((v) => v.id === source.viewId) : undefined;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm text-stone-600">Episodes from</legend>
      <div className="flex gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" name="queue-source" checked={source.kind === "query"} onChange={() => onChange({ kind: "query", text: "" })} />A filter
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="queue-source" checked={source.kind === "view"} onChange={() => onChange({ kind: "view", viewId: views.data?.items[0]?.id ?? null })} />A
          saved view
        </label>
      </div>
      {source.kind === "query" ? (
        <>
          <label className="block text-sm">
            <span className="text-stone-600">Filter query</span>
            <input
              value={source.text}
              onChange={(event) => onChange({ kind: "query", text: event.target.value })}
              placeholder="source=mini-swe-agent&steps=10.. or a link to the episode list"
              className={`${field} font-mono text-xs`}
            />
          </label>
          <MatchCount query={typed} />
        </>
      ) : views.data && views.data.items.length === 0 ? (
        <p className="text-sm text-stone-600">You have no saved views, and none are shared: save one from the episode list.</p>
      ) : (
        <>
          <label className="block text-sm">
            <span className="text-stone-600">Saved view</span>
            <select aria-label="Saved view" value={source.viewId ?? ""} onChange={(event) => onChange({ kind: "view", viewId: Number(event.target.value) })} className={field}>
              {views.data?.items.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                  {v.isMine ? "" : ` (${v.owner.email})`}
                </option>
              ))}
            </select>
          </label>
          {view && <MatchCount query={view.query} />}
        </>
      )}
    </fieldset>
  );
}
