/** Reading one episode's header and contents; its steps are read by window (lib/viewer/read-steps.ts). */
import { prisma } from "@/lib/db";

export async function getEpisode(id: number) {
  return prisma.episode.findUnique({
    where: { id },
    include: {
      content: { omit: { rawGzip: true } },
      importBatch: { select: { id: true, source: true, startedAt: true } },
    },
  });
}

export type EpisodeDetail = NonNullable<Awaited<ReturnType<typeof getEpisode>>>;
