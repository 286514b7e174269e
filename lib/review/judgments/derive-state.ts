/**
 * The episode's denormalized review columns (review_status, score, labels, annotators), derived
 * from its submitted judgments and the newest adjudication. Pure, so the rules are unit-tested.
 * `labels` is the union of the judgments' labels and the bulk-added ones (stored on their own in
 * episodes.bulk_labels, which only bulk actions write).
 */
import { chosenLabels, normalizedValues, type Scores } from "../rubrics/scores";
import type { Dimension } from "../rubrics/schema";
import { statusOfVerdict, type Verdict } from "./schema";

export type ReviewStatus = "pending" | "approved" | "rejected" | "needs_changes";

export type SubmittedJudgment = { annotatorId: string; verdict: Verdict | null; scores: Scores; labels: string[]; dimensions: Dimension[] };
export type CurrentAdjudication = { verdict: Verdict; scores: Scores | null; dimensions: Dimension[] | null };

export type ReviewInputs = {
  judgments: SubmittedJudgment[];
  adjudication: CurrentAdjudication | null;
  /** Verdicts needed before agreeing judgments decide: the largest overlap of the queues holding the episode, else 1. */
  needed: number;
  current: { reviewStatus: ReviewStatus; bulkLabels: string[] };
};

export type ReviewState = { reviewStatus: ReviewStatus; score: number | null; labels: string[]; reviewLabels: string[]; annotators: string[] };

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function statusOf({ judgments, adjudication, needed, current }: ReviewInputs): ReviewStatus {
  if (adjudication) return statusOfVerdict[adjudication.verdict];
  // With nothing judged yet, a status set another way (a bulk action) stands.
  if (judgments.length === 0) return current.reviewStatus;
  const verdicts = new Set(judgments.map((j) => j.verdict));
  const [only] = verdicts;
  return judgments.length >= needed && verdicts.size === 1 && only ? statusOfVerdict[only] : "pending";
}

export function deriveReviewState(inputs: ReviewInputs): ReviewState {
  const { judgments, adjudication, current } = inputs;
  const finalScores = adjudication?.scores && adjudication.dimensions ? normalizedValues(adjudication.dimensions, adjudication.scores) : [];
  const score = finalScores.length > 0 ? mean(finalScores) : mean(judgments.flatMap((j) => normalizedValues(j.dimensions, j.scores)));
  const fromAdjudication = adjudication?.scores && adjudication.dimensions ? chosenLabels(adjudication.dimensions, adjudication.scores) : [];
  const reviewLabels = sorted([...judgments.flatMap((j) => [...j.labels, ...chosenLabels(j.dimensions, j.scores)]), ...fromAdjudication]);
  return {
    reviewStatus: statusOf(inputs),
    score: score === null ? null : Math.round(score * 1e6) / 1e6,
    labels: sorted([...current.bulkLabels, ...reviewLabels]),
    reviewLabels,
    annotators: sorted(judgments.map((j) => j.annotatorId)),
  };
}
