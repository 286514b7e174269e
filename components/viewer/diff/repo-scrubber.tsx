"use client";

// PLACEHOLDER with the contract's signature; the diff helper's version replaces it at merge.
export function RepoScrubber({ episodeId, stepCount, initialStep }: { episodeId: number; stepCount: number; initialStep?: number }) {
  return (
    <p data-placeholder="repo-scrubber" className="text-sm text-stone-500">
      Files over time for episode {episodeId} ({stepCount} steps{initialStep === undefined ? "" : `, from step ${initialStep}`}) — coming with the diff views.
    </p>
  );
}
