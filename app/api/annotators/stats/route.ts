import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { getAnnotatorStats } from "@/lib/review/stats/annotator-stats";
import { annotatorStatsQuerySchema } from "@/lib/review/stats/schema";

/** Per annotator: items per day, median time per item, agreement with peers and gold, verdict mix (`queue=ID`: in that queue). Reviewers see everyone, annotators themselves. */
export const GET = route({ role: "annotator", query: annotatorStatsQuerySchema }, ({ actor, query }) => getAnnotatorStats(checkRole(actor, "annotator"), query));
