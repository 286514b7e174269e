/** Reading one episode: its header and its steps by range (never the whole thing at once). */
import { z } from "zod";
import { prisma } from "@/lib/db";
import { stepPartSchema } from "@/lib/formats/episode";

export async function getEpisode(id: number) {
  return prisma.episode.findUnique({
    where: { id },
    include: {
      content: { omit: { rawGzip: true } },
      importBatch: { select: { id: true, source: true, startedAt: true } },
    },
  });
}

export const stepRangeSchema = z.object({
  from: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type StepRange = z.infer<typeof stepRangeSchema>;

const partsSchema = z.array(stepPartSchema);

export async function getSteps(episodeId: number, range: StepRange) {
  const rows = await prisma.step.findMany({
    where: { episodeId, idx: { gte: range.from, lt: range.from + range.limit } },
    orderBy: { idx: "asc" },
  });
  return rows.map((row) => {
    const parts = partsSchema.safeParse(row.parts);
    return { ...row, parts: parts.success ? parts.data : [] };
  });
}

export type EpisodeDetail = NonNullable<Awaited<ReturnType<typeof getEpisode>>>;
export type StepRow = Awaited<ReturnType<typeof getSteps>>[number];
