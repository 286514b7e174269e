"use client";

import { useQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import type { StepRow } from "@/lib/episodes/read-episode";
import type { FileEditPart } from "@/lib/formats/episode";
import { prKeys } from "./pr-keys";

const PAGE = 500;

export type PrEdit = { stepIdx: number; part: FileEditPart };

/** The pull request's edits, in order, from its steps (a PR sample is a few dozen steps: one or two pages). */
export function usePrEdits(episodeId: number, stepCount: number) {
  return useQuery({
    queryKey: prKeys.edits(episodeId),
    staleTime: Infinity,
    queryFn: async () => {
      const edits: PrEdit[] = [];
      for (let from = 0; from < stepCount; from += PAGE) {
        const response = await fetch(`/api/episodes/${episodeId}/steps?from=${from}&limit=${PAGE}`);
        const { steps } = await readResponse<{ steps: StepRow[] }>(response, "Loading the edits");
        for (const step of steps) {
          for (const part of step.parts) if (part.type === "file_edit") edits.push({ stepIdx: step.idx, part });
        }
      }
      return edits;
    },
  });
}
