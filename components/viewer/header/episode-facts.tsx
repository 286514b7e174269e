import type { EpisodeDetail } from "@/lib/episodes/read-episode";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs tracking-wide text-stone-500 uppercase">{label}</dt>
      <dd className="font-medium break-words">{children ?? "—"}</dd>
    </div>
  );
}

export function EpisodeFacts({ episode }: { episode: EpisodeDetail }) {
  const baseCommit = episode.content?.baseCommit;
  const { sourceFormat, formatVersion } = episode;
  // Not "mini-swe-agent mini-swe-agent-1": a version that names its format stands alone.
  const format = !formatVersion ? sourceFormat : formatVersion.startsWith(sourceFormat) ? formatVersion : `${sourceFormat} ${formatVersion}`;
  return (
    <dl className="grid grid-cols-2 gap-4 text-sm md:grid-cols-3 xl:grid-cols-6">
      <Fact label="Repo">{episode.repo}</Fact>
      <Fact label="Base commit">{baseCommit ? <span className="font-mono text-xs" title={baseCommit}>{baseCommit.slice(0, 12)}</span> : null}</Fact>
      <Fact label="Agent">{episode.agent}</Fact>
      <Fact label="Model">{episode.model}</Fact>
      <Fact label="Source format">{format}</Fact>
      <Fact label="Imported">
        batch #{episode.importBatchId}, {episode.createdAt.toISOString().slice(0, 10)}
      </Fact>
    </dl>
  );
}
