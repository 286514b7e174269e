import { pullRequestSchema } from "@/lib/formats/episode";
import type { ExportEpisode } from "@/lib/export/types";

/** The repository licence of a PR-derived episode (null: not recorded); undefined for other episodes. */
export function pullRequestLicense(episode: ExportEpisode): string | null | undefined {
  if (episode.pullRequest === null || episode.pullRequest === undefined) return undefined;
  const parsed = pullRequestSchema.pick({ license: true }).safeParse(episode.pullRequest);
  return parsed.success ? parsed.data.license : null;
}
