import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { createQueue, listQueues } from "@/lib/review/queues/manage";
import { queueCreateSchema } from "@/lib/review/queues/schema";

/** Every queue with its progress and the caller's part. */
export const GET = route({ role: "viewer" }, ({ actor }) => listQueues(checkRole(actor, "viewer")));

/** Create a queue from a saved view or a filter (the matching episodes now, plus gold items). Admins. */
export const POST = route({ role: "admin", body: queueCreateSchema }, async ({ actor, body }) =>
  NextResponse.json(await createQueue(checkRole(actor, "admin"), body), { status: 201 }),
);
