"use client";

import { Button } from "@/components/ui/button";
import { formatBytes } from "@/components/ui/format-bytes";
import { RelativeTime } from "@/components/ui/relative-time";
import { CodeView } from "@/components/viewer/monaco";
import type { ExportJob } from "@/lib/export/jobs/schema";
import type { PlanReport } from "@/lib/export/types";
import { ExportProgress, ExportStatusBadge, RecipeOf } from "./export-status";
import { cell, head, PlanTables, textCell } from "./plan-tables";
import { useExportAction, useExportJob } from "./use-exports";


/** One export: live progress, cancel / resume, the files (streamed downloads) and the report. */
export function ExportDetail({ id, canRun }: { id: number; canRun: boolean }) {
  const { data: job, error, isPending } = useExportJob(id);
  const action = useExportAction(id);
  if (isPending) return <p className="text-stone-500">Loading the export…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  const report = (job.summary?.plan ?? null) as PlanReport | null;
  const isActive = job.status === "queued" || job.status === "running";
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Export #{job.id}</h1>
        <ExportStatusBadge job={job} />
        <span className="text-sm text-stone-600">
          <RecipeOf job={job} />{" "}
          · started by {job.createdBy?.email ?? job.source} <RelativeTime value={job.createdAt} />
        </span>
      </div>
      <div className="max-w-xl">
        <ExportProgress job={job} />
      </div>
      {canRun && (
        <div className="flex gap-2">
          {isActive && (
            <Button variant="danger" onClick={() => action.mutate("cancel")} disabled={action.isPending || job.cancelRequested}>
              Cancel export
            </Button>
          )}
          {(job.status === "cancelled" || job.status === "failed") && (
            <Button variant="primary" onClick={() => action.mutate("resume")} disabled={action.isPending}>
              Resume export
            </Button>
          )}
        </div>
      )}
      {(job.error || action.error) && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {action.error?.message ?? job.error}
        </p>
      )}
      <p className="text-sm text-stone-600">
        Written to <code className="rounded bg-stone-100 px-1">{job.outDir}</code>
      </p>
      {job.summary && (
        <section aria-labelledby="files-heading" className="space-y-2">
          <h2 id="files-heading" className="text-lg font-semibold">
            Files
          </h2>
          <p className="text-sm text-stone-600">
            {job.summary.records.toLocaleString()} records · {job.summary.tokens.toLocaleString()} tokens · {job.summary.shards} shards · {formatBytes(job.summary.bytes)}
          </p>
          <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white text-sm" aria-label="Export files">
            {job.summary.files.map((file) => (
              <li key={file.path} className="flex items-center justify-between gap-3 px-3 py-1.5">
                <a className="font-mono text-blue-700 underline" href={`/api/exports/${job.id}/files/${file.path}`} download>
                  {file.path}
                </a>
                <span className="font-mono text-xs text-stone-500" title={file.sha256 ?? undefined}>
                  {formatBytes(file.bytes)} {file.sha256 ? `· sha256 ${file.sha256.slice(0, 12)}…` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {job.summary?.components && <WrittenComponents components={job.summary.components} tokenizer={job.summary.tokenizer ?? ""} />}
      {report && (
        <section aria-labelledby="report-heading" className="space-y-2">
          <h2 id="report-heading" className="text-lg font-semibold">
            Plan report
          </h2>
          <PlanTables report={report} />
        </section>
      )}
      <section aria-labelledby="recipe-heading" className="space-y-2">
        <h2 id="recipe-heading" className="text-lg font-semibold">
          Recipe as run
        </h2>
        <CodeView value={JSON.stringify(job.recipe, null, 2)} path="recipe.json" height={320} />
      </section>
    </div>
  );
}

type Written = NonNullable<NonNullable<ExportJob["summary"]>["components"]>;

/** What each component wrote, counted with the recipe's tokenizer (the plan below used stored counts). */
function WrittenComponents({ components, tokenizer }: { components: Written; tokenizer: string }) {
  return (
    <table className="w-full border-collapse rounded bg-white text-sm" aria-label="Written per component">
      <caption className="mb-1 text-left text-stone-600">Written per component (tokens by {tokenizer})</caption>
      <thead>
        <tr>
          <th className={`${head} text-left`}>Component</th>
          <th className={head}>Records</th>
          <th className={head}>Tokens</th>
          <th className={head}>Truncated</th>
          <th className={`${head} text-left`}>Dropped while writing</th>
        </tr>
      </thead>
      <tbody>
        {components.map((component) => (
          <tr key={component.name}>
            <td className={textCell}>{component.name}</td>
            <td className={cell}>{component.records.toLocaleString()}</td>
            <td className={cell}>{component.tokens.toLocaleString()}</td>
            <td className={cell}>{component.truncated.toLocaleString()}</td>
            <td className={textCell}>
              {Object.entries(component.dropped)
                .map(([reason, count]) => `${reason.replaceAll("_", " ")} ${count}`)
                .join(", ") || "none"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
