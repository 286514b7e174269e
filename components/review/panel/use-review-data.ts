"use client";

import { useQuery } from "@tanstack/react-query";
import { authClient } from "@/lib/auth/client";
import type { EpisodeReview } from "@/lib/review/judgments/schema";
import type { RubricList, RubricVersion } from "@/lib/review/rubrics/schema";
import { getJson } from "./review-api";
import { reviewKeys } from "./review-keys";

/** The signed-in person's user id (judgments, comments and masks are theirs). */
export function useMyUserId(): string | null {
  const { data } = authClient.useSession();
  return data?.user.id ?? null;
}

export function useEpisodeReview(episodeId: number) {
  return useQuery({
    queryKey: reviewKeys.episodeReview(episodeId),
    queryFn: ({ signal }) => getJson<EpisodeReview>(`/api/episodes/${episodeId}/review`, "Loading the review", signal),
  });
}

export function useRubrics() {
  return useQuery({
    queryKey: reviewKeys.rubrics(),
    queryFn: ({ signal }) => getJson<RubricList>("/api/rubrics", "Loading rubrics", signal),
  });
}

export function useRubricVersion(versionId: number | null) {
  return useQuery({
    queryKey: reviewKeys.rubricVersion(versionId ?? 0),
    queryFn: ({ signal }) => getJson<RubricVersion>(`/api/rubrics/versions/${versionId}`, "Loading the rubric", signal),
    enabled: versionId !== null,
  });
}
