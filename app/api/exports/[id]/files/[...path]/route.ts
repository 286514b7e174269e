import { z } from "zod";
import { route } from "@/lib/http";
import { exportFileResponse } from "@/lib/export/jobs/files";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** One file of a finished export (a shard, manifest.json, report.json, README.md), streamed. */
export const GET = route({ role: "reviewer" }, ({ params }) => exportFileResponse(idSchema.parse(params.id), params.path));
