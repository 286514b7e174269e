import { pool } from "@/lib/db";
import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { readRubricVersion } from "@/lib/review/rubrics/rubrics";

/** One rubric version (what a judgment was given under). */
export const GET = route({ role: "viewer" }, ({ params }) => readRubricVersion(pool, idParam(params, "id")));
