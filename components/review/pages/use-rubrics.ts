"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Rubric, RubricCreate, RubricList, RubricPatch, RubricVersion } from "@/lib/review/rubrics/schema";
import { getJson, sendJson } from "./api";
import { queueKeys, rubricKeys } from "./review-keys";

export function useRubrics() {
  return useQuery({ queryKey: rubricKeys.list(), queryFn: () => getJson<RubricList>("/api/rubrics", "Loading rubrics") });
}

/** A version never changes once used, so it is read once and kept. */
export function useRubricVersion(id: number | undefined) {
  return useQuery({
    queryKey: rubricKeys.version(id ?? 0),
    queryFn: () => getJson<RubricVersion>(`/api/rubrics/versions/${id}`, "Loading the rubric version"),
    enabled: id !== undefined,
    staleTime: Infinity,
  });
}

export function useSaveRubric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: RubricCreate } | { id: number; patch: RubricPatch }) =>
      "create" in input
        ? sendJson<Rubric>("/api/rubrics", "POST", input.create, "Creating the rubric")
        : sendJson<Rubric>(`/api/rubrics/${input.id}`, "PATCH", input.patch, "Saving the rubric"),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: rubricKeys.list() });
      // Queues show their rubric's name.
      queryClient.invalidateQueries({ queryKey: queueKeys.all });
    },
  });
}
