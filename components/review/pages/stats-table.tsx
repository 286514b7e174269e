import { formatPercent } from "@/components/insights/format";
import type { AnnotatorStats } from "@/lib/review/stats/schema";
import { formatCoefficient } from "./agreement-format";
import { annotatorName, formatDuration } from "./stats-rows";

const td = "px-3 py-2 text-right tabular-nums";

/** Every number the charts draw, as text. */
export function StatsTable({ items }: { items: AnnotatorStats[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse overflow-hidden rounded border border-stone-200 bg-white text-sm">
        <caption className="px-1 pb-2 text-left font-medium">Annotators in this period</caption>
        <thead className="bg-stone-100 text-stone-600">
          <tr>
            <th className="px-3 py-2 text-left">Annotator</th>
            <th className="px-3 py-2 text-right">Submitted</th>
            <th className="px-3 py-2 text-right">Median time per item</th>
            <th className="px-3 py-2 text-right">Kappa with peers</th>
            <th className="px-3 py-2 text-right">Gold accuracy</th>
            <th className="px-3 py-2 text-right">Approve</th>
            <th className="px-3 py-2 text-right">Reject</th>
            <th className="px-3 py-2 text-right">Needs changes</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.annotator.id} className="border-t border-stone-100">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {annotatorName(item)}
              </th>
              <td className={td}>{item.submitted}</td>
              <td className={td}>{formatDuration(item.medianSecondsPerItem)}</td>
              <td className={td}>
                {item.peerAgreement.kappa === null
                  ? "—"
                  : `${formatCoefficient(item.peerAgreement.kappa)} (${item.peerAgreement.peers} ${item.peerAgreement.peers === 1 ? "peer" : "peers"}, ${item.peerAgreement.items} items)`}
              </td>
              <td className={td}>{item.gold.items === 0 ? "—" : `${formatPercent(item.gold.accuracy)} (${item.gold.correct} of ${item.gold.items})`}</td>
              <td className={td}>{item.verdicts.approve}</td>
              <td className={td}>{item.verdicts.reject}</td>
              <td className={td}>{item.verdicts.needs_changes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
