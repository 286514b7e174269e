import type { Dimension } from "@/lib/review/rubrics/schema";
import { dimensionTypeNames } from "./score-format";

function answersText(d: Dimension): string {
  switch (d.type) {
    case "ordinal":
      return d.points.map((p) => `${p.value} — ${p.label}`).join(" · ");
    case "boolean":
      return "Yes · No";
    case "single_choice":
    case "multi_choice":
      return d.options.map((o) => (o.label ? `${o.label} (${o.value})` : o.value)).join(" · ");
    case "text":
      return `up to ${d.maxLength.toLocaleString("en-US")} characters`;
  }
}

/** A version's dimensions as a table: what each asks and the answers it allows (with anchors). */
export function DimensionsTable({ dimensions, caption }: { dimensions: Dimension[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse overflow-hidden rounded border border-stone-200 bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            <th className="px-3 py-2">Dimension</th>
            <th className="px-3 py-2">Type</th>
            <th className="px-3 py-2">Answers</th>
            <th className="px-3 py-2">Required</th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => (
            <tr key={d.key} className="border-t border-stone-100 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {d.label} <span className="font-mono text-xs font-normal text-stone-500">{d.key}</span>
                {d.description && <span className="block text-xs font-normal whitespace-pre-wrap text-stone-600">{d.description}</span>}
              </th>
              <td className="px-3 py-2">{dimensionTypeNames[d.type]}</td>
              <td className="px-3 py-2">{answersText(d)}</td>
              <td className="px-3 py-2">{d.required ? "Yes" : "No"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
