import { route } from "@/lib/http";
import { getEffectiveMasks } from "@/lib/review/masks/masks";
import { idParam } from "@/lib/review/params";

/** The mask of every step: a person's (newest wins), else a pending proposal, else train. */
export const GET = route({ role: "viewer" }, ({ params }) => getEffectiveMasks(idParam(params, "id")));
