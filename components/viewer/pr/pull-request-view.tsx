"use client";

// PLACEHOLDER with the contract's signature; the compare helper's version replaces it at merge.
import type { EpisodeDetail } from "@/lib/episodes/read-episode";

export function PullRequestView({ episode }: { episode: EpisodeDetail }) {
  const pr = episode.content?.pullRequest as { title?: unknown; body?: unknown } | null | undefined;
  return (
    <div data-placeholder="pull-request-view" className="space-y-2 text-sm">
      <h2 className="font-semibold">{typeof pr?.title === "string" ? pr.title : "Pull request"}</h2>
      <pre className="whitespace-pre-wrap break-words text-xs">{typeof pr?.body === "string" ? pr.body : ""}</pre>
    </div>
  );
}
