"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableHead } from "@/components/ui/table-head";
import { ExportProgress, ExportStatusBadge, RecipeOf } from "./export-status";
import { useExportJobs } from "./use-exports";

const headers = ["Export", "Recipe", "Status", "Progress", "Records", "Tokens", "Who", "Started"];

/** Every export, newest first; live while one runs. */
export function ExportHistory() {
  const { data, error, isPending } = useExportJobs();
  if (isPending) return <p className="text-stone-500">Loading exports…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  if (data.items.length === 0) return <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No exports yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse rounded border border-stone-200 bg-white text-sm">
        <caption className="sr-only">Exports, newest first</caption>
        <TableHead headers={headers} />
        <tbody>
          {data.items.map((job) => (
            <tr key={job.id} className="border-t border-stone-100">
              <td className="px-3 py-2">
                <Link className="text-blue-700 underline" href={`/exports/${job.id}`}>
                  #{job.id}
                </Link>
              </td>
              <td className="px-3 py-2">
                <RecipeOf job={job} />
              </td>
              <td className="px-3 py-2">
                <ExportStatusBadge job={job} />
              </td>
              <td className="px-3 py-2">
                <ExportProgress job={job} />
              </td>
              <td className="px-3 py-2 tabular-nums">{job.summary?.records.toLocaleString() ?? "—"}</td>
              <td className="px-3 py-2 tabular-nums">{job.summary?.tokens.toLocaleString() ?? "—"}</td>
              <td className="px-3 py-2">{job.createdBy?.email ?? job.source}</td>
              <td className="px-3 py-2">
                <RelativeTime value={job.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
