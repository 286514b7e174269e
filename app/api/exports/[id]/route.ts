import { z } from "zod";
import { route } from "@/lib/http";
import { getExportJobDetail } from "@/lib/export/jobs/read";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Status, progress, the recipe as run, the files and (once done) the report. */
export const GET = route({ role: "reviewer" }, ({ params }) => getExportJobDetail(idSchema.parse(params.id)));
