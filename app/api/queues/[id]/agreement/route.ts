import { route } from "@/lib/http";
import { getQueueAgreement } from "@/lib/review/consensus/queue-consensus";
import { idParam } from "@/lib/review/params";

/** Krippendorff's alpha per dimension and on the verdict, Cohen's kappa per annotator pair, gold accuracy. Reviewers. */
export const GET = route({ role: "reviewer" }, ({ params }) => getQueueAgreement(idParam(params, "id")));
