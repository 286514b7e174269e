/** Reading import batches: the history list and one batch with its errors and progress. */
import { z } from "zod";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

const batchSelect = {
  id: true,
  status: true,
  source: true,
  files: true,
  imported: true,
  duplicates: true,
  invalid: true,
  startedAt: true,
  finishedAt: true,
  undoneAt: true,
  createdBy: { select: { email: true } },
} as const;

export const batchListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).catch(50).default(50) });

export async function listImportBatches(query: z.infer<typeof batchListQuerySchema>) {
  const batches = await prisma.importBatch.findMany({ select: batchSelect, orderBy: { startedAt: "desc" }, take: query.limit });
  return { items: batches };
}

export async function getImportBatch(id: number) {
  const batch = await prisma.importBatch.findUnique({ where: { id }, select: { ...batchSelect, errors: true, options: true } });
  if (!batch) throw new NotFoundError("Import batch");
  return batch;
}

export type ImportBatchSummary = Awaited<ReturnType<typeof listImportBatches>>["items"][number];
export type ImportBatchDetail = Awaited<ReturnType<typeof getImportBatch>>;
