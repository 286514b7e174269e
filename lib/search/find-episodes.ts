/**
 * The episode list (v0): newest first, keyset-paginated on (id) so page 1,000 costs what page 1
 * does. Reads only the narrow episodes table — never step bodies or episode contents.
 */
import { z } from "zod";
import { prisma } from "@/lib/db";
import { decodeCursor, encodeCursor } from "./cursor";

export const episodeListQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).catch(50).default(50),
});
export type EpisodeListQuery = z.infer<typeof episodeListQuerySchema>;

const listSelect = {
  id: true,
  kind: true,
  sourceFormat: true,
  instanceId: true,
  repo: true,
  agent: true,
  model: true,
  exitStatusClass: true,
  exitStatusRaw: true,
  resolved: true,
  reviewStatus: true,
  stepCount: true,
  tokenCount: true,
  patchBytes: true,
  qualityFlags: true,
  createdAt: true,
} as const;

export async function findEpisodes(query: EpisodeListQuery) {
  const after = decodeCursor(query.cursor);
  const afterId = typeof after?.[0] === "number" ? after[0] : null;
  const rows = await prisma.episode.findMany({
    select: listSelect,
    where: afterId === null ? undefined : { id: { lt: afterId } },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  return {
    items,
    nextCursor: hasMore ? encodeCursor([items[items.length - 1].id]) : null,
  };
}

export type EpisodeListItem = Awaited<ReturnType<typeof findEpisodes>>["items"][number];
