/**
 * Query keys for what the bulk-action dialog reads. Under episodeKeys.all, so every episode
 * invalidation (a bulk action's included) refreshes them too.
 */
import { episodeKeys } from "./episode-keys";

export const bulkKeys = {
  count: (query: string) => [...episodeKeys.all, "bulk-count", query] as const,
  labelChoices: (query: string) => [...episodeKeys.all, "bulk-label-choices", query] as const,
};
