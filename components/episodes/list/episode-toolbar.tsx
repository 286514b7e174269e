import Link from "next/link";
import { BulkActions } from "@/components/episodes/bulk-actions";
import { SavedViews } from "@/components/episodes/saved-views";
import { formatTotal } from "./cell-format";
import type { ListView } from "./filter-edits";

type Props = {
  query: string;
  view: ListView;
  total: { total: number; isTotalEstimated: boolean; isUpdating: boolean } | undefined;
  onView: (view: ListView) => void;
  children?: React.ReactNode;
};

const views: { view: ListView; label: string }[] = [
  { view: "table", label: "Episodes" },
  { view: "groups", label: "Rollout groups" },
];

/** The count, the view switch and the actions on the whole filtered set. */
export function EpisodeToolbar({ query, view, total, onView, children }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p aria-live="polite" aria-label="Matching episodes" className={`text-sm font-semibold tabular-nums ${total?.isUpdating ? "text-stone-400" : "text-stone-800"}`}>
        {total ? formatTotal(total.total, total.isTotalEstimated) : "Counting…"}
      </p>
      <div role="group" aria-label="View" className="flex overflow-hidden rounded border border-stone-300 text-sm">
        {views.map((option) => (
          <button
            key={option.view}
            type="button"
            aria-pressed={view === option.view}
            className={`px-3 py-1 ${view === option.view ? "bg-stone-800 text-white" : "bg-white hover:bg-stone-100"}`}
            onClick={() => onView(option.view)}
          >
            {option.label}
          </button>
        ))}
      </div>
      <Link href={query ? `/episodes/matrix?${query}` : "/episodes/matrix"} className="text-sm text-blue-700 hover:underline">
        Instance × model matrix
      </Link>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <SavedViews query={query} />
        {total && <BulkActions query={query} total={total.total} isTotalEstimated={total.isTotalEstimated} />}
        {children}
      </div>
    </div>
  );
}
