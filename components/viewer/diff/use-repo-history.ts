"use client";

import { useQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import type { EpisodeEdits } from "@/lib/diff/edit-actions";
import { replayEdits, type RepoHistory } from "@/lib/diff/repo-state";
import { diffKeys } from "./diff-keys";

export type EpisodeRepo = RepoHistory & { truncated: boolean };

// Every edit step of an episode observes the same response: replay it once, not once per observer.
const replayed = new WeakMap<EpisodeEdits, EpisodeRepo>();

function replay(data: EpisodeEdits): EpisodeRepo {
  let repo = replayed.get(data);
  if (!repo) {
    repo = { ...replayEdits(data.edits, { finalPatch: data.finalPatch, baseFiles: data.baseFiles }), truncated: data.truncated };
    replayed.set(data, repo);
  }
  return repo;
}

/** Every file of the episode through its steps; fetched once per episode and shared by every edit step. */
export function useRepoHistory(episodeId: number) {
  return useQuery({
    queryKey: diffKeys.edits(episodeId),
    queryFn: async ({ signal }): Promise<EpisodeEdits> => readResponse(await fetch(`/api/episodes/${episodeId}/edits`, { signal }), "Loading the edits"),
    select: replay,
    // An episode's recorded steps never change.
    staleTime: Infinity,
  });
}
