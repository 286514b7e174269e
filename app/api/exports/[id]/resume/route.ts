import { z } from "zod";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { resumeExportJob } from "@/lib/export/jobs/jobs";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Continue a cancelled or failed export from its last finished shard. 409 otherwise. */
export const POST = route({ role: "reviewer" }, ({ actor, params }) => resumeExportJob(checkRole(actor, "reviewer"), idSchema.parse(params.id)));
