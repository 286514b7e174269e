"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEpisodes } from "./use-episodes";
import { OutcomeBadge } from "./outcome-badge";

export function EpisodeTable() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const cursor = searchParams.get("cursor");
  const { data, error, isPending } = useEpisodes(cursor);

  if (isPending) return <p className="text-stone-500">Loading episodes…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  if (data.items.length === 0)
    return <p className="rounded border border-dashed border-stone-300 bg-white p-6">No episodes yet. Import some with <code>npm run atelier -- import FILES</code>.</p>;

  return (
    <div className="space-y-3">
      <table className="w-full border-collapse overflow-hidden rounded border border-stone-200 bg-white text-sm">
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            <th className="px-3 py-2">ID</th>
            <th className="px-3 py-2">Kind</th>
            <th className="px-3 py-2">Repo</th>
            <th className="px-3 py-2">Instance</th>
            <th className="px-3 py-2">Model</th>
            <th className="px-3 py-2">Outcome</th>
            <th className="px-3 py-2 text-right">Steps</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((episode) => (
            <tr key={episode.id} className="border-t border-stone-100 hover:bg-stone-50">
              <td className="px-3 py-2 font-mono">
                <Link href={`/episodes/${episode.id}`} className="text-blue-700 hover:underline">
                  {episode.id}
                </Link>
              </td>
              <td className="px-3 py-2">{episode.kind}</td>
              <td className="px-3 py-2">{episode.repo ?? "—"}</td>
              <td className="max-w-64 truncate px-3 py-2 font-mono text-xs">{episode.instanceId ?? "—"}</td>
              <td className="px-3 py-2">{episode.model ?? "—"}</td>
              <td className="px-3 py-2">
                <OutcomeBadge kind={episode.kind} resolved={episode.resolved} exitStatusClass={episode.exitStatusClass} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{episode.stepCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex gap-3">
        {cursor && (
          <button type="button" className="rounded border border-stone-300 px-3 py-1.5 text-sm" onClick={() => router.push("/episodes")}>
            First page
          </button>
        )}
        {data.nextCursor && (
          <button
            type="button"
            className="rounded border border-stone-300 px-3 py-1.5 text-sm"
            onClick={() => router.push(`/episodes?cursor=${encodeURIComponent(data.nextCursor!)}`)}
          >
            Next page
          </button>
        )}
      </div>
    </div>
  );
}
