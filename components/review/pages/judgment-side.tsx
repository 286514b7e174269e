import type { Judgment } from "@/lib/review/judgments/schema";
import type { Dimension } from "@/lib/review/rubrics/schema";
import { formatScore, verdictName } from "./score-format";

/** One annotator's submitted judgment, as text: verdict, every dimension, labels, reason. */
export function JudgmentSide({ judgment, dimensions, disagreeOn }: { judgment: Judgment; dimensions: Dimension[]; disagreeOn: Set<string> }) {
  const who = judgment.annotator.email || judgment.annotator.name;
  return (
    <section aria-label={`Judgment by ${who}`} className="space-y-2 rounded border border-stone-200 bg-stone-50 p-3 text-sm">
      <h4 className="font-medium">{who}</h4>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        <dt className="text-stone-500">Verdict</dt>
        <dd className={disagreeOn.has("verdict") ? "font-semibold text-amber-800" : ""}>{verdictName(judgment.verdict)}</dd>
        {dimensions.map((d) => (
          <div key={d.key} className="contents">
            <dt className="text-stone-500">{d.label}</dt>
            <dd className={`whitespace-pre-wrap ${disagreeOn.has(d.key) ? "font-semibold text-amber-800" : ""}`}>{formatScore(d, judgment.scores[d.key])}</dd>
          </div>
        ))}
        {judgment.labels.length > 0 && (
          <>
            <dt className="text-stone-500">Labels</dt>
            <dd>{judgment.labels.join(", ")}</dd>
          </>
        )}
        <dt className="text-stone-500">Reason</dt>
        <dd className="whitespace-pre-wrap">{judgment.reason || "—"}</dd>
      </dl>
    </section>
  );
}
