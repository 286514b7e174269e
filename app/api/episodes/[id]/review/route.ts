import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { getEpisodeReview } from "@/lib/review/judgments/episode-review";
import { idParam } from "@/lib/review/params";

/** The episode's review: status, score, labels, judgments (blind-filtered), adjudications, queues. */
export const GET = route({ role: "viewer" }, ({ actor, params }) => getEpisodeReview(checkRole(actor, "viewer"), idParam(params, "id")));
