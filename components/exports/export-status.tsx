import Link from "next/link";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes } from "@/components/ui/format-bytes";
import type { ExportJob } from "@/lib/export/jobs/schema";

const badge: Record<ExportJob["status"], string> = {
  queued: "bg-stone-100 text-stone-700",
  running: "bg-blue-100 text-blue-800",
  cancelled: "bg-amber-100 text-amber-800",
  failed: "bg-red-100 text-red-800",
  done: "bg-green-100 text-green-800",
};

export function ExportStatusBadge({ job }: { job: Pick<ExportJob, "status" | "cancelRequested"> }) {
  const text = job.cancelRequested && job.status === "running" ? "cancelling" : job.status;
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${badge[job.status]}`}>{text}</span>;
}

/** Progress of a running export: its phase, records written of the plan, bytes. */
export function ExportProgress({ job }: { job: ExportJob }) {
  const percent = job.total > 0 ? (job.done / job.total) * 100 : 0;
  const tone = job.status === "done" ? "done" : job.status === "failed" ? "failed" : job.status === "cancelled" ? "muted" : "active";
  return (
    <div className="min-w-40 space-y-1">
      <ProgressBar label={`Export #${job.id} progress`} value={job.status === "done" ? 100 : percent} tone={tone} />
      <p className="text-xs text-stone-600">
        {job.status === "running" || job.status === "queued"
          ? `${job.phase}: ${job.done.toLocaleString()} of ${job.total.toLocaleString()} records · ${formatBytes(job.bytes)}`
          : `${job.done.toLocaleString()} of ${job.total.toLocaleString()} records · ${formatBytes(job.bytes)}`}
      </p>
    </div>
  );
}

/** The recipe an export ran: a link to its page, with the version, or the name of an unsaved recipe. */
export function RecipeOf({ job }: { job: Pick<ExportJob, "recipeName" | "recipeVersion"> }) {
  if (!job.recipeVersion) return <>{job.recipeName}</>;
  return (
    <Link className="underline" href={`/exports/recipes/${job.recipeVersion.recipeId}`}>
      {job.recipeName} v{job.recipeVersion.version}
    </Link>
  );
}
