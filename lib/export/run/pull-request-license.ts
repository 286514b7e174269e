import { pullRequestSchema } from "@/lib/formats/episode";
import type { ExportEpisode } from "@/lib/export/types";

// Made once: building a zod schema per episode cost more than the check.
const licenseSchema = pullRequestSchema.pick({ license: true });

/** The repository licence of a PR-derived episode (null: not recorded); undefined for other episodes. */
export function pullRequestLicense(episode: ExportEpisode): string | null | undefined {
  if (episode.pullRequest === null || episode.pullRequest === undefined) return undefined;
  const parsed = licenseSchema.safeParse(episode.pullRequest);
  return parsed.success ? parsed.data.license : null;
}
