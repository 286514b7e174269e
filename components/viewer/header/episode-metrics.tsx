import type { EpisodeDetail } from "@/lib/episodes/read-episode";
import { formatBytes } from "@/components/ui/format-bytes";

const number = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toLocaleString("en-US"));

export function EpisodeMetrics({ episode }: { episode: EpisodeDetail }) {
  const metrics: [string, string][] = [
    ["Steps", number(episode.stepCount)],
    ["Tool calls", number(episode.toolCallCount)],
    ["Tokens", number(episode.tokenCount)],
    ["Cost", episode.costUsd === null ? "—" : `$${episode.costUsd.toFixed(episode.costUsd < 1 ? 4 : 2)}`],
    ["API calls", number(episode.apiCalls)],
    ["Patch", formatBytes(episode.patchBytes)],
    ["Files touched", number(episode.filesTouched)],
  ];
  return (
    <section aria-label="Metrics">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-stone-500 uppercase">Metrics</h2>
      <dl className="grid grid-cols-3 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        {metrics.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-stone-500">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
