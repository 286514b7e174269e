import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { startExportJob } from "@/lib/export/jobs/jobs";
import { listExportJobs } from "@/lib/export/jobs/read";
import { exportCreateSchema } from "@/lib/export/jobs/schema";

/** Every export, newest first. Reviewers and admins export. */
export const GET = route({ role: "reviewer" }, () => listExportJobs());

/** Start an export of a saved recipe version or of an inline recipe: 202 with its id; poll GET /api/exports/:id. */
export const POST = route({ role: "reviewer", body: exportCreateSchema }, async ({ actor, body, request }) => {
  const source = request.headers.get("authorization") ? "api" : "ui";
  return NextResponse.json(await startExportJob(checkRole(actor, "reviewer"), body, source), { status: 202 });
});
