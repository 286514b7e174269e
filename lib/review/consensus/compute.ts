/**
 * Pure computations over a queue's submitted judgments: agreement per dimension (through
 * lib/review/agreement), what each conflicting item disagrees on, and accuracy on gold items.
 */
import { krippendorffAlpha, pairwiseKappa, type Rating } from "../agreement";
import { agreementLevel, comparableValue, type Scores } from "../rubrics/scores";
import type { Dimension } from "../rubrics/schema";
import type { Verdict } from "../judgments/schema";
import type { DimensionAgreement } from "./schema";

export type Person = { id: string; name: string; email: string };
export type SubmittedRating = { itemId: number; annotator: Person; verdict: Verdict | null; scores: Scores };
export type GoldAnswer = { itemId: number; verdict: Verdict | null; scores: Scores | null };

type Rated = { item: string; rater: string; value: Rating };

function agreementOf(key: string, label: string, type: DimensionAgreement["type"], level: "ordinal" | "nominal", ratings: Rated[], people: Map<string, Person>, order?: Rating[]): DimensionAgreement {
  const byItem = new Map<string, Rating[]>();
  for (const r of ratings) byItem.set(r.item, [...(byItem.get(r.item) ?? []), r.value]);
  const alpha = krippendorffAlpha([...byItem.values()], { level, order });
  const pairs = pairwiseKappa(ratings).map((p) => ({ a: people.get(p.raterA)!, b: people.get(p.raterB)!, kappa: p.kappa, items: p.items }));
  return { key, label, type, level, alpha: alpha.alpha, items: alpha.units, values: alpha.values, pairs };
}

export function agreementByDimension(dimensions: Dimension[], ratings: SubmittedRating[]): { verdict: DimensionAgreement; dimensions: DimensionAgreement[] } {
  const people = new Map(ratings.map((r) => [r.annotator.id, r.annotator]));
  const verdicts = ratings.flatMap((r) => (r.verdict ? [{ item: String(r.itemId), rater: r.annotator.id, value: r.verdict }] : []));
  const verdict = agreementOf("verdict", "Verdict", "verdict", "nominal", verdicts, people);
  const perDimension = dimensions.flatMap((dimension) => {
    const level = agreementLevel(dimension);
    if (level === null || dimension.type === "text") return [];
    const values = ratings.flatMap((r) => {
      const value = comparableValue(dimension, r.scores[dimension.key]);
      return value === null ? [] : [{ item: String(r.itemId), rater: r.annotator.id, value }];
    });
    const order = dimension.type === "ordinal" ? dimension.points.map((p) => p.value) : undefined;
    return [agreementOf(dimension.key, dimension.label, dimension.type, level, values, people, order)];
  });
  return { verdict, dimensions: perDimension };
}

/** What the ratings of one item disagree on: the verdict, and each dimension two people valued differently. */
export function disagreements(dimensions: Dimension[], ratings: SubmittedRating[]): { verdict: boolean; dimensions: string[] } {
  const differ = (values: (Rating | null)[]) => new Set(values.filter((v) => v !== null)).size > 1;
  return {
    verdict: differ(ratings.map((r) => r.verdict)),
    dimensions: dimensions.filter((d) => agreementLevel(d) !== null && differ(ratings.map((r) => comparableValue(d, r.scores[d.key])))).map((d) => d.key),
  };
}

export function isConflict(d: { verdict: boolean; dimensions: string[] }): boolean {
  return d.verdict || d.dimensions.length > 0;
}

/** Whether a rating matches every known answer of a gold item. */
export function matchesGold(dimensions: Dimension[], gold: GoldAnswer, rating: SubmittedRating): boolean {
  if (gold.verdict !== null && rating.verdict !== gold.verdict) return false;
  for (const [key, expected] of Object.entries(gold.scores ?? {})) {
    const dimension = dimensions.find((d) => d.key === key);
    if (!dimension || agreementLevel(dimension) === null) continue;
    if (comparableValue(dimension, expected) !== comparableValue(dimension, rating.scores[key])) return false;
  }
  return true;
}

export function goldAccuracy(dimensions: Dimension[], gold: GoldAnswer[], ratings: SubmittedRating[]) {
  const answers = new Map(gold.map((g) => [g.itemId, g]));
  const byPerson = new Map<string, { annotator: Person; items: number; correct: number }>();
  for (const rating of ratings) {
    const answer = answers.get(rating.itemId);
    if (!answer) continue;
    const entry = byPerson.get(rating.annotator.id) ?? { annotator: rating.annotator, items: 0, correct: 0 };
    entry.items += 1;
    if (matchesGold(dimensions, answer, rating)) entry.correct += 1;
    byPerson.set(rating.annotator.id, entry);
  }
  return [...byPerson.values()]
    .map((e) => ({ ...e, accuracy: e.items === 0 ? null : e.correct / e.items }))
    .sort((a, b) => a.annotator.email.localeCompare(b.annotator.email));
}
