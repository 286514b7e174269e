import { RelativeTime } from "@/components/ui/relative-time";
import type { EpisodeReview, Judgment } from "@/lib/review/judgments/schema";
import type { ScoreValue } from "@/lib/review/rubrics/scores";
import { verdictLabels } from "./verdict-field";

function formatScore(value: ScoreValue): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

function JudgmentSummary({ judgment }: { judgment: Judgment }) {
  const scores = Object.entries(judgment.scores);
  return (
    <li className="rounded border border-stone-200 p-2 text-sm">
      <p>
        <span className="font-medium">{judgment.annotator.name}</span>
        {" · "}
        {judgment.verdict ? verdictLabels[judgment.verdict] : "no verdict yet"}
        {" · "}
        <span className="text-stone-600">{judgment.status === "submitted" ? "submitted" : "draft"}</span>
        {judgment.queueId !== null && <span className="text-stone-600"> · queue #{judgment.queueId}</span>}
        {" · "}
        <span className="text-xs text-stone-500">
          <RelativeTime value={judgment.updatedAt} />
        </span>
      </p>
      {scores.length > 0 && (
        <p className="text-xs text-stone-600 [overflow-wrap:anywhere]">{scores.map(([key, value]) => `${key}: ${formatScore(value)}`).join(" · ")}</p>
      )}
      {judgment.labels.length > 0 && <p className="text-xs text-stone-600">Labels: {judgment.labels.join(", ")}</p>}
      {judgment.reason && <p className="mt-1 whitespace-pre-wrap [overflow-wrap:anywhere]">{judgment.reason}</p>}
    </li>
  );
}

/**
 * Everyone else's judgments of the episode and the adjudications. In a blind queue the server
 * sends only mine until I submit; the panel says so instead of showing an empty list.
 */
export function OtherJudgments({ review, currentId }: { review: EpisodeReview; currentId: number | null }) {
  const others = review.judgments.filter((j) => j.id !== currentId);
  return (
    <section aria-label="Other judgments" className="space-y-2">
      <h3 className="text-sm font-semibold">Other judgments</h3>
      {review.isBlind ? (
        <p className="text-sm text-stone-600">
          Hidden until you submit
          {review.hiddenJudgments > 0 && ` (${review.hiddenJudgments} ${review.hiddenJudgments === 1 ? "judgment" : "judgments"})`}.
        </p>
      ) : others.length === 0 ? (
        <p className="text-sm text-stone-500">None yet.</p>
      ) : (
        <ul className="space-y-2">
          {others.map((judgment) => (
            <JudgmentSummary key={judgment.id} judgment={judgment} />
          ))}
        </ul>
      )}
      {review.adjudications.map((a) => (
        <p key={a.id} className="rounded border border-violet-200 bg-violet-50 p-2 text-sm">
          <span className="font-medium">Adjudicated by {a.reviewer.name}</span>: {verdictLabels[a.verdict]} — <span className="whitespace-pre-wrap">{a.reason}</span>
        </p>
      ))}
    </section>
  );
}
