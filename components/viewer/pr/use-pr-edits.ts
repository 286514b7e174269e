"use client";

import { useQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import type { StepWindow } from "@/lib/viewer/read-steps";
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
      // A window can end early (the server caps each answer's size): carry on from its `to`.
      for (let from = 0; from < stepCount; ) {
        const response = await fetch(`/api/episodes/${episodeId}/steps?from=${from}&limit=${PAGE}`);
        const { steps, to } = await readResponse<StepWindow>(response, "Loading the edits");
        for (const step of steps) {
          for (const part of step.parts) if (part.type === "file_edit") edits.push({ stepIdx: step.idx, part });
        }
        if (to <= from) break;
        from = to;
      }
      return edits;
    },
  });
}
