import { route } from "@/lib/http";
import { listUsers } from "@/lib/auth/user-list";

/** Every account (id, name, email, role) for pickers such as the audit trail's actor filter. Reviewers and admins. */
export const GET = route({ role: "reviewer" }, () => listUsers());
