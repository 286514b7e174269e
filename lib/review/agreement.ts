/**
 * PLACEHOLDER. The agreement maths (Krippendorff's alpha, Cohen's kappa, kappa per rater pair)
 * is written by another branch; this file only keeps its names and types so the review code
 * compiles here. The real module replaces it when the branches meet.
 */
export type Rating = string | number;
export type MeasurementLevel = "nominal" | "ordinal" | "interval" | "ratio";
export type KappaWeights = "linear" | "quadratic";
export type AlphaResult = { alpha: number | null; units: number; pairs: number; values: number };
export type KappaResult = { kappa: number | null; items: number; observed: number | null; expected: number | null };
export type RaterPairKappa = { raterA: string; raterB: string; kappa: number | null; items: number };

const missing = () => new Error("lib/review/agreement.ts is a placeholder until the agreement maths lands.");

export function krippendorffAlpha(
  _units: readonly (readonly (Rating | null | undefined)[])[],
  _options: { level: MeasurementLevel; order?: readonly Rating[] },
): AlphaResult {
  throw missing();
}

export function cohenKappa(_pairs: readonly (readonly [Rating, Rating])[]): KappaResult {
  throw missing();
}

export function pairwiseKappa(
  _ratings: readonly { item: string; rater: string; value: Rating }[],
  _options: { weights?: KappaWeights; order?: readonly Rating[] } = {},
): RaterPairKappa[] {
  throw missing();
}
