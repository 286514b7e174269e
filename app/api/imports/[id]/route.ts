import { z } from "zod";
import { route } from "@/lib/http";
import { getImportBatch } from "@/lib/ingest/batches";
import { undoImportBatch } from "@/lib/ingest/undo-batch";

const idSchema = z.coerce.number().int().positive();

export const GET = route({ role: "viewer" }, ({ params }) => getImportBatch(idSchema.parse(params.id)));

/** Undo: deletes everything the batch added. */
export const DELETE = route({ role: "reviewer" }, async ({ params }) => undoImportBatch(idSchema.parse(params.id)));
