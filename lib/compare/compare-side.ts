/** One side of a comparison: the episode's header fields, its final patch and its step signatures. */
import { prisma } from "@/lib/db";
import { getStepSignatures } from "./step-signatures";

export async function getCompareSide(id: number) {
  const [episode, signatures] = await Promise.all([
    prisma.episode.findUnique({
      where: { id },
      select: {
        id: true,
        kind: true,
        instanceId: true,
        repo: true,
        agent: true,
        model: true,
        exitStatusClass: true,
        exitStatusRaw: true,
        resolved: true,
        stepCount: true,
        tokenCount: true,
        costUsd: true,
        patchBytes: true,
        filesTouched: true,
        content: { select: { finalPatch: true } },
      },
    }),
    getStepSignatures(id),
  ]);
  if (!episode) return null;
  const { content, ...header } = episode;
  return { header, finalPatch: content?.finalPatch ?? null, signatures };
}

export type CompareSide = NonNullable<Awaited<ReturnType<typeof getCompareSide>>>;
export type CompareHeader = CompareSide["header"];
