import { z } from "zod";
import { actorUserId } from "@/lib/auth/actor";
import { getFormat } from "@/lib/formats";
import { route } from "@/lib/http";
import { batchListQuerySchema, listImportBatches } from "@/lib/ingest/batches";
import { startImportJob } from "@/lib/ingest/import-jobs";
import { receiveUpload } from "@/lib/ingest/receive-upload";

const importQuerySchema = z.object({
  format: z.string().optional(),
  skipInvalid: z.enum(["true", "false", "1", "0"]).optional().transform((v) => v === "true" || v === "1"),
  filename: z.string().max(200).optional(),
  source: z.enum(["api", "ui"]).default("api"),
});

export const GET = route({ role: "viewer", query: batchListQuerySchema }, ({ query }) => listImportBatches(query));

/** Starts an import of the uploaded files; poll GET /api/imports/:id for progress and the report. */
export const POST = route({ role: "reviewer", query: importQuerySchema }, async ({ actor, query, request }) => {
  if (query.format) getFormat(query.format);
  const upload = await receiveUpload(request, query.filename ?? "upload.jsonl");
  const batchId = await startImportJob(upload.files, { source: query.source, format: query.format, skipInvalid: query.skipInvalid, createdById: actor && actorUserId(actor) }, upload.dir);
  return Response.json({ batchId, status: "running", url: `/api/imports/${batchId}` }, { status: 202 });
});
