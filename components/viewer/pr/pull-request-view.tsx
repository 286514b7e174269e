"use client";

import { useId, useMemo, type ReactNode } from "react";
import type { EpisodeDetail } from "@/lib/episodes/read-episode";
import { pullRequestSchema } from "@/lib/formats/episode";
import { PrCommits } from "./pr-commits";
import { PrEdits } from "./pr-edits";
import { PrFiles } from "./pr-files";
import { replayEdits } from "./replay-edits";
import { SafeMarkdown } from "./safe-markdown";
import { usePrEdits } from "./use-pr-edits";

const isWebUrl = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

/**
 * A pull-request-derived (contextual) episode as what it is: the issue, the PR and its
 * description, the relevant files (read-only Monaco), each edit as a diff, and the commits.
 */
export function PullRequestView({ episode }: { episode: EpisodeDetail }) {
  const raw = episode.content?.pullRequest;
  const parsed = useMemo(() => pullRequestSchema.safeParse(raw), [raw]);
  const pr = parsed.success ? parsed.data : null;
  const edits = usePrEdits(episode.id, episode.stepCount);
  const replay = useMemo(() => (pr && edits.data ? replayEdits(pr.files, edits.data.map((e) => e.part)) : null), [pr, edits.data]);

  if (!pr) return <p role="alert" className="text-sm text-red-700">This episode has no readable pull-request record.</p>;
  const meta = (episode.content?.meta ?? {}) as Record<string, unknown>;
  const mergedAt = typeof meta.mergedAt === "string" ? meta.mergedAt.slice(0, 10) : null;
  const baseCommit = episode.content?.baseCommit ?? null;

  return (
    <article aria-label={`Pull request${pr.number ? ` #${pr.number}` : ""}`} className="space-y-6">
      <header className="space-y-2 rounded border border-stone-200 bg-white p-4">
        <p className="text-xs uppercase tracking-wide text-stone-500">
          Pull request{pr.number ? ` #${pr.number}` : ""}
          {episode.repo ? ` · ${episode.repo}` : ""}
        </p>
        <h2 className="text-xl font-semibold [overflow-wrap:anywhere]">{pr.title}</h2>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-stone-700">
          {mergedAt && <Fact label="Merged" value={mergedAt} />}
          {baseCommit && <Fact label="Base commit" value={<code title={baseCommit}>{baseCommit.slice(0, 10)}</code>} />}
          <Fact label="License" value={pr.license ?? "not recorded"} />
          {isWebUrl(pr.url) && (
            <Fact
              label="Link"
              value={
                <a href={pr.url} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-700 underline">
                  {pr.url}
                </a>
              }
            />
          )}
        </dl>
        {pr.summary && <p className="text-sm text-stone-700">{pr.summary}</p>}
      </header>

      <Section title="Issue">
        {pr.issue ? (
          <div className="space-y-2">
            <p className="font-medium [overflow-wrap:anywhere]">
              {pr.issue.number !== null && <span className="text-stone-500">#{pr.issue.number} </span>}
              {pr.issue.title}
            </p>
            {pr.issue.body.trim() ? <SafeMarkdown text={pr.issue.body} /> : <p className="text-sm text-stone-500">No description.</p>}
          </div>
        ) : (
          <p className="text-sm text-stone-600">No linked issue.</p>
        )}
      </Section>

      <Section title="Pull request description">
        {pr.body.trim() ? <SafeMarkdown text={pr.body} /> : <p className="text-sm text-stone-500">No description.</p>}
      </Section>

      <Section title="Relevant files" count={pr.files.length}>
        <PrFiles files={pr.files} after={replay?.files ?? null} />
      </Section>

      <Section title="Edits" count={edits.data?.length}>
        {edits.isPending && <p className="text-sm text-stone-500">Loading edits…</p>}
        {edits.error && <p role="alert" className="text-sm text-red-700">{edits.error.message}</p>}
        {edits.data && replay && (
          <PrEdits episodeId={episode.id} edits={replay.edits.map((edit, i) => ({ ...edit, stepIdx: edits.data[i].stepIdx }))} />
        )}
      </Section>

      <Section title="Commits" count={pr.commits.length}>
        <PrCommits commits={pr.commits} />
      </Section>
    </article>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-stone-500">{label}</dt>
      <dd className="min-w-0 break-all">{value}</dd>
    </div>
  );
}

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="text-lg font-semibold">
        {title}
        {count !== undefined && <span className="ml-2 text-sm font-normal text-stone-500">({count})</span>}
      </h3>
      {children}
    </section>
  );
}
