import type { EpisodeDetail } from "@/lib/episodes/read-episode";
import { OutcomeBadge } from "./outcome-badge";

function Field({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-stone-500">{label}</dt>
      <dd className="font-medium">{value ?? "—"}</dd>
    </div>
  );
}

export function EpisodeHeader({ episode }: { episode: EpisodeDetail }) {
  return (
    <header className="space-y-4 rounded border border-stone-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Episode {episode.id}</h1>
        <OutcomeBadge kind={episode.kind} resolved={episode.resolved} exitStatusClass={episode.exitStatusClass} />
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{episode.kind}</span>
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">review: {episode.reviewStatus}</span>
      </div>
      <dl className="grid grid-cols-2 gap-4 text-sm md:grid-cols-4">
        <Field label="Repo" value={episode.repo} />
        <Field label="Instance" value={episode.instanceId} />
        <Field label="Agent" value={episode.agent} />
        <Field label="Model" value={episode.model} />
        <Field label="Source format" value={[episode.sourceFormat, episode.formatVersion].filter(Boolean).join(" ")} />
        <Field label="Exit status" value={episode.exitStatusRaw} />
        <Field label="Steps" value={episode.stepCount} />
        <Field label="Tokens" value={episode.tokenCount} />
        <Field label="Cost (USD)" value={episode.costUsd?.toFixed(4)} />
        <Field label="API calls" value={episode.apiCalls} />
        <Field label="Patch bytes" value={episode.patchBytes} />
        <Field label="Files touched" value={episode.filesTouched} />
      </dl>
      {episode.qualityFlags.length > 0 && (
        <p className="text-sm">
          Quality flags:{" "}
          {episode.qualityFlags.map((flag) => (
            <span key={flag} className="mr-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
              {flag}
            </span>
          ))}
        </p>
      )}
      {episode.content?.taskText && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Task</summary>
          <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-stone-50 p-3 font-mono text-xs">
            {episode.content.taskText}
          </pre>
        </details>
      )}
    </header>
  );
}
