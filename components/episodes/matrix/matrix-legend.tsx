import { outcomeTone, outcomeWords, type CellOutcome } from "./cell-outcome";

const shown: CellOutcome[] = ["resolved", "mixed", "unresolved", "unknown"];

export function MatrixLegend() {
  return (
    <ul aria-label="Cell colours" className="flex flex-wrap gap-3 text-xs text-stone-600">
      {shown.map((outcome) => (
        <li key={outcome} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block h-3 w-5 rounded ${outcomeTone[outcome]}`} />
          {outcomeWords[outcome]}
        </li>
      ))}
      <li>cells read resolved/attempts; an empty cell: no attempt</li>
    </ul>
  );
}
