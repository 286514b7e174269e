"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiErrorMessage, readResponse } from "@/components/imports/api-response";
import type { BulkActionResult } from "@/lib/bulk/schema";
import type { FacetCounts } from "@/lib/search/facets";
import { bulkKeys } from "./bulk-keys";
import type { BulkChoice } from "./bulk-wording";
import { episodeKeys } from "./episode-keys";

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** The exact number of episodes the filter matches now (fetched fresh each time a dialog opens). */
export function useBulkCount(query: string) {
  return useQuery({
    queryKey: bulkKeys.count(query),
    queryFn: async () => (await readResponse<{ count: number }>(await postJson("/api/episodes/bulk/preview", { query }), "Counting the episodes")).count,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Labels carried by episodes under the filter, to pick from. */
export function useLabelChoices(query: string) {
  return useQuery({
    queryKey: bulkKeys.labelChoices(query),
    queryFn: async () => {
      const facets = await readResponse<FacetCounts>(await fetch(`/api/episodes/facets?${query}`), "Loading labels");
      return facets.facets.label.map((bucket) => bucket.value);
    },
  });
}

/** A refusal the user can act on: 409 means the count moved since they confirmed. */
export class BulkActionError extends Error {
  constructor(
    message: string,
    readonly isCountChanged: boolean,
  ) {
    super(message);
    this.name = "BulkActionError";
  }
}

export function useApplyBulkAction(query: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ choice, expectedCount }: { choice: BulkChoice; expectedCount: number }) => {
      const response = await postJson("/api/episodes/bulk", { query, expectedCount, ...choice });
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 409) throw new BulkActionError((body as { error: { message: string } }).error.message, true);
      if (!response.ok) throw new BulkActionError(apiErrorMessage(body, response.status, "The bulk action"), false);
      return body as BulkActionResult;
    },
    // Lists, facets, totals and counts all change; every episode query starts with episodeKeys.all.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: episodeKeys.all }),
  });
}
