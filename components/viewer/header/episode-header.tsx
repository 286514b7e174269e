import type { EpisodeDetail } from "@/lib/episodes/read-episode";
import { summarizeOutcome } from "@/lib/viewer/outcome-summary";
import { flagPointers } from "@/lib/viewer/quality-pointers";
import { EpisodeFacts } from "./episode-facts";
import { EpisodeMetrics } from "./episode-metrics";
import { EpisodeTitle } from "./episode-title";
import { OutcomePanel } from "./outcome-panel";
import { QualityFlags } from "./quality-flags";
import { TaskText } from "./task-text";

/** Everything an annotator checks before reading the steps. Server-rendered. */
export function EpisodeHeader({ episode, list }: { episode: EpisodeDetail; list: string | null }) {
  const content = episode.content;
  const outcome = summarizeOutcome(content?.outcome, content?.attached);
  const flags = flagPointers(episode.qualityFlags, content?.quality, episode.stepCount);
  return (
    <header className="space-y-4 rounded border border-stone-200 bg-white p-5">
      <EpisodeTitle episode={episode} list={list} />
      <EpisodeFacts episode={episode} />
      <div className="grid gap-4 lg:grid-cols-2">
        <OutcomePanel episode={episode} outcome={outcome} />
        <EpisodeMetrics episode={episode} />
      </div>
      {flags.length > 0 && <QualityFlags flags={flags} episodeId={episode.id} kind={episode.kind} list={list} />}
      {content?.taskText && <TaskText text={content.taskText} />}
    </header>
  );
}
