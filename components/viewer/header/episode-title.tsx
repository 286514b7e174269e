import { OutcomeBadge } from "@/components/episodes/outcome-badge";
import type { EpisodeDetail } from "@/lib/episodes/read-episode";
import { NeighborLinks } from "./neighbor-links";

const reviewTone: Record<string, string> = {
  pending: "bg-stone-100 text-stone-700",
  approved: "bg-green-100 text-green-800",
  rejected: "bg-red-100 text-red-800",
  needs_changes: "bg-amber-100 text-amber-900",
};

export function EpisodeTitle({ episode, list }: { episode: EpisodeDetail; list: string | null }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <div className="min-w-0 flex-1">
        <h1 className="text-2xl font-semibold">Episode {episode.id}</h1>
        {episode.instanceId && <p className="font-mono text-sm break-all text-stone-600">{episode.instanceId}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <OutcomeBadge kind={episode.kind} resolved={episode.resolved} exitStatusClass={episode.exitStatusClass} />
        <span className="rounded bg-stone-100 px-1.5 py-0.5">{episode.kind}</span>
        <span className={`rounded px-1.5 py-0.5 ${reviewTone[episode.reviewStatus] ?? reviewTone.pending}`}>review: {episode.reviewStatus.replace("_", " ")}</span>
        {episode.labels.map((label) => (
          <span key={label} className="rounded border border-stone-300 px-1.5 py-0.5">
            {label}
          </span>
        ))}
      </div>
      <NeighborLinks episodeId={episode.id} list={list} />
    </div>
  );
}
