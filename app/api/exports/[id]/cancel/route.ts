import { z } from "zod";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { cancelExportJob } from "@/lib/export/jobs/jobs";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Stop a queued or running export; what is written stays, and it can be resumed. 409 otherwise. */
export const POST = route({ role: "reviewer" }, ({ actor, params }) => cancelExportJob(checkRole(actor, "reviewer"), idSchema.parse(params.id)));
