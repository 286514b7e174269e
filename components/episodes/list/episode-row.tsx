import Link from "next/link";
import type { EpisodeListItem } from "@/lib/search/find-episodes";
import type { Column } from "./columns";
import { episodeHref } from "./episode-href";
import { Snippet } from "./snippet";

type Props = {
  episode: EpisodeListItem;
  index: number;
  columns: readonly Column[];
  template: string;
  start: number;
  measure: (element: HTMLElement | null) => void;
  /** The list's canonical filter query, carried to the episode for n / p. */
  listQuery: string;
  isSelected: boolean;
  onSelect: (id: number) => void;
};

/**
 * One virtual row. The id is a real link stretched over the whole row (its ::after), so a click
 * anywhere opens the episode and middle-click / "open in new tab" work as on any link.
 */
export function EpisodeRow({ episode, index, columns, template, start, measure, listQuery, isSelected, onSelect }: Props) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      ref={measure}
      className="absolute left-0 top-0 w-full border-t border-stone-100 bg-white hover:bg-stone-50 focus-within:bg-sky-50"
      style={{ transform: `translateY(${start}px)` }}
    >
      <div className="grid items-center" style={{ gridTemplateColumns: template }}>
        {columns.map((column) => (
          <div key={column.id} role="cell" className={`min-w-0 truncate px-2 py-2 ${column.isNumeric ? "text-right tabular-nums" : ""}`}>
            {column.id === "id" ? (
              <>
              {/* Above the row's stretched link, so ticking does not open the episode. */}
              <input
                type="checkbox"
                aria-label={`Select episode ${episode.id} to compare`}
                checked={isSelected}
                onChange={() => onSelect(episode.id)}
                className="relative z-10 mr-2 align-middle"
              />
              <Link
                href={episodeHref(episode.id, listQuery)}
                data-row-link
                className="font-mono text-blue-700 outline-none after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:underline focus-visible:after:ring-2 focus-visible:after:ring-inset focus-visible:after:ring-sky-500"
              >
                {episode.id}
              </Link>
              </>
            ) : (
              column.render(episode)
            )}
          </div>
        ))}
      </div>
      {episode.snippet && (
        <div role="cell" className="px-2 pb-2">
          <Snippet episodeId={episode.id} listQuery={listQuery} snippet={episode.snippet} step={episode.snippetStep} />
        </div>
      )}
    </div>
  );
}
