"use client";

import Link from "next/link";
import type { Dimension } from "@/lib/review/rubrics/schema";
import { formatScore, verdictName } from "./score-format";
import { useQueueItems } from "./use-queues";

/** The queue's gold items and their known answers (reviewers: annotators must not see which items are gold). */
export function GoldItems({ queueId, dimensions }: { queueId: number; dimensions: Dimension[] }) {
  const items = useQueueItems(queueId, true);
  if (items.isPending) return <p className="text-sm text-stone-500">Loading gold items…</p>;
  if (items.error) return <p role="alert" className="text-sm text-red-700">{items.error.message}</p>;
  const gold = items.data.items.filter((item) => item.isGold);
  if (gold.length === 0) return <p className="text-sm text-stone-600">No gold items in this queue.</p>;
  return (
    <table className="w-full border-collapse overflow-hidden rounded border border-stone-200 bg-white text-sm">
      <caption className="sr-only">Gold items and their known answers</caption>
      <thead className="bg-stone-100 text-left text-stone-600">
        <tr>
          <th className="px-3 py-2">Episode</th>
          <th className="px-3 py-2">Known verdict</th>
          <th className="px-3 py-2">Known values</th>
          <th className="px-3 py-2 text-right">Judgments submitted</th>
        </tr>
      </thead>
      <tbody>
        {gold.map((item) => (
          <tr key={item.id} className="border-t border-stone-100">
            <td className="px-3 py-2">
              <Link href={`/episodes/${item.episodeId}`} className="underline decoration-stone-300 hover:decoration-stone-900">
                Episode {item.episodeId}
              </Link>
            </td>
            <td className="px-3 py-2">{item.goldVerdict ? verdictName(item.goldVerdict) : "—"}</td>
            <td className="px-3 py-2">
              {Object.entries(item.goldScores ?? {})
                .map(([key, value]) => {
                  const d = dimensions.find((x) => x.key === key);
                  return `${d?.label ?? key}: ${formatScore(d, value)}`;
                })
                .join("; ") || "—"}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{item.submitted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
