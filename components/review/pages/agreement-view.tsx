"use client";

import { formatPercent } from "@/components/insights/format";
import { agreementDimensions, alphaReading, formatCoefficient, kappaRows } from "./agreement-format";
import { useQueueAgreement } from "./use-queues";

const table = "w-full border-collapse overflow-hidden rounded border border-stone-200 bg-white text-sm";
const th = "px-3 py-2 text-left font-medium";
const td = "px-3 py-2";

/** Krippendorff's alpha per dimension (with the items behind it), kappa per pair, gold accuracy: all as tables. */
export function AgreementView({ queueId }: { queueId: number }) {
  const { data, error, isPending } = useQueueAgreement(queueId);
  if (isPending) return <p className="text-stone-500">Computing agreement…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  const dimensions = agreementDimensions(data);
  const pairs = kappaRows(data);
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-600">
        {data.judgedItems.toLocaleString("en-US")} {data.judgedItems === 1 ? "item has" : "items have"} at least one submitted judgment, from{" "}
        {data.annotators.length} {data.annotators.length === 1 ? "annotator" : "annotators"}. Free-text dimensions are not compared.
      </p>
      <div className="overflow-x-auto">
        <table className={table}>
          <caption className="px-1 pb-2 text-left font-medium">Krippendorff&apos;s alpha per dimension</caption>
          <thead className="bg-stone-100 text-stone-600">
            <tr>
              <th className={th}>Dimension</th>
              <th className={th}>Level</th>
              <th className={`${th} text-right`}>Alpha</th>
              <th className={th}>Reading</th>
              <th className={`${th} text-right`}>Items</th>
              <th className={`${th} text-right`}>Values</th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => (
              <tr key={d.key} className="border-t border-stone-100">
                <th scope="row" className={`${td} text-left font-medium`}>
                  {d.label}
                </th>
                <td className={td}>{d.level}</td>
                <td className={`${td} text-right tabular-nums`}>{formatCoefficient(d.alpha)}</td>
                <td className={td}>{alphaReading(d.alpha)}</td>
                <td className={`${td} text-right tabular-nums`}>{d.items}</td>
                <td className={`${td} text-right tabular-nums`}>{d.values}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className={table}>
          <caption className="px-1 pb-2 text-left font-medium">Cohen&apos;s kappa per annotator pair</caption>
          <thead className="bg-stone-100 text-stone-600">
            <tr>
              <th className={th}>Annotators</th>
              {dimensions.map((d) => (
                <th key={d.key} className={`${th} text-right`}>
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pairs.length === 0 ? (
              <tr>
                <td colSpan={dimensions.length + 1} className={`${td} text-stone-500`}>
                  No two annotators have judged the same item yet.
                </td>
              </tr>
            ) : (
              pairs.map((row) => (
                <tr key={row.key} className="border-t border-stone-100">
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {row.a} and {row.b}
                  </th>
                  {row.cells.map((cell, index) => (
                    <td key={index} className={`${td} text-right tabular-nums`}>
                      {cell === null ? "—" : `${formatCoefficient(cell.kappa)} (${cell.items} ${cell.items === 1 ? "item" : "items"})`}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className={table}>
          <caption className="px-1 pb-2 text-left font-medium">Gold accuracy per annotator</caption>
          <thead className="bg-stone-100 text-stone-600">
            <tr>
              <th className={th}>Annotator</th>
              <th className={`${th} text-right`}>Gold items judged</th>
              <th className={`${th} text-right`}>Correct</th>
              <th className={`${th} text-right`}>Accuracy</th>
            </tr>
          </thead>
          <tbody>
            {data.gold.length === 0 ? (
              <tr>
                <td colSpan={4} className={`${td} text-stone-500`}>
                  No gold item has been judged yet.
                </td>
              </tr>
            ) : (
              data.gold.map((g) => (
                <tr key={g.annotator.id} className="border-t border-stone-100">
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {g.annotator.email}
                  </th>
                  <td className={`${td} text-right tabular-nums`}>{g.items}</td>
                  <td className={`${td} text-right tabular-nums`}>{g.correct}</td>
                  <td className={`${td} text-right tabular-nums`}>{formatPercent(g.accuracy)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
