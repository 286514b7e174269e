/**
 * Agreement between annotators: Krippendorff's alpha over any number of coders with missing
 * values, Cohen's kappa (plain and weighted) for two raters, and kappa for every pair of raters.
 * Pure and dependency-free so the API, the CLI and the tests compute the very same figures.
 *
 * Value order (ordinal alpha, weighted kappa): an explicit `order` list when given (every value
 * must appear in it; unused entries are allowed and keep the scale's spacing for weighted kappa);
 * otherwise numbers ascending, strings by UTF-16 code units ("a" < "b" < "ä"). Mixing numbers
 * and strings without an `order` is an error. For nominal data 1 and "1" are different values.
 */

export type Rating = string | number;
export type MeasurementLevel = "nominal" | "ordinal" | "interval" | "ratio";
export type KappaWeights = "linear" | "quadratic";

export type AlphaResult = {
  /** null when undefined: fewer than 2 pairable values, or no expected disagreement (see below). */
  alpha: number | null;
  /** Units with at least 2 values: only these carry information about agreement. */
  units: number;
  /** Pairs of values within those units (a unit with m values has m(m-1)/2). */
  pairs: number;
  /** Pairable values, n.. in Krippendorff's notation. */
  values: number;
};

export type KappaResult = {
  /** null when there are no items or no expected disagreement (both raters used one same value throughout). */
  kappa: number | null;
  items: number;
  /** Observed agreement (weighted: 1 - observed disagreement with weights scaled to 0..1). */
  observed: number | null;
  /** Agreement expected by chance from each rater's own marginals. */
  expected: number | null;
};

export type RaterPairKappa = { raterA: string; raterB: string; kappa: number | null; items: number };

/**
 * Krippendorff's alpha by the coincidence-matrix formulation (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"): alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck).
 * Each unit lists the values its coders gave; null/undefined entries are missing and skipped.
 * When every pairable value is the same, expected disagreement is 0 and alpha is 0/0, which
 * Krippendorff leaves undefined: we return null rather than guess 1 (or 0).
 */
export function krippendorffAlpha(
  units: readonly (readonly (Rating | null | undefined)[])[],
  options: { level: MeasurementLevel; order?: readonly Rating[] },
): AlphaResult {
  const pairable = units.map((unit) => unit.filter(isPresent)).filter((unit) => unit.length >= 2);
  const all = pairable.flat();
  all.forEach(assertFinite);
  const values = options.level === "nominal" ? [...new Set(all)] : orderedValues(all, options.order);
  const index = new Map(values.map((value, i) => [value, i]));
  const totals = values.map(() => 0);
  for (const value of all) totals[index.get(value)!] += 1;
  const distance = squaredDistance(options.level, values, totals);

  // The coincidence matrix itself is never needed, only its sum weighted by the distance, so
  // each unit adds its own coincidences o_ck = (counts_c * counts_k, minus self-pairs) / (m - 1).
  let observed = 0;
  let pairs = 0;
  for (const unit of pairable) {
    const counts = new Map<number, number>();
    for (const value of unit) {
      const c = index.get(value)!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const [c, countC] of counts) {
      for (const [k, countK] of counts) if (c !== k) observed += (countC * countK * distance(c, k)) / (unit.length - 1);
    }
    pairs += (unit.length * (unit.length - 1)) / 2;
  }
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) if (c !== k) expected += totals[c] * totals[k] * distance(c, k);
  }
  const n = all.length;
  const alpha = n < 2 || expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
  return { alpha, units: pairable.length, pairs, values: n };
}

/** Cohen's kappa for two raters over the same items, values treated as unordered categories. */
export function cohenKappa(pairs: readonly (readonly [Rating, Rating])[]): KappaResult {
  pairs.forEach(([a, b]) => (assertFinite(a), assertFinite(b)));
  const categories = [...new Set(pairs.flat())];
  return kappa(pairs, categories, (i, j) => (i === j ? 0 : 1));
}

/**
 * Weighted kappa (Cohen 1968) for ordered values: disagreement weight |i - j| / (k - 1) (linear)
 * or its square (quadratic), where i, j are positions in the ordered list of the k categories.
 */
export function weightedKappa(
  pairs: readonly (readonly [Rating, Rating])[],
  options: { weights: KappaWeights; order?: readonly Rating[] },
): KappaResult {
  const all = pairs.flat();
  all.forEach(assertFinite);
  const categories = orderedValues(all, options.order);
  const span = categories.length - 1;
  const power = options.weights === "linear" ? 1 : 2;
  return kappa(pairs, categories, (i, j) => (span === 0 ? 0 : (Math.abs(i - j) / span) ** power));
}

/**
 * Kappa for every unordered pair of raters over the items both rated, pairs listed by rater id
 * (raterA < raterB); pairs who share no item are left out. With `weights`, the category order
 * comes from all ratings (or `order`) so every pair is weighted on the same scale.
 * A rater rating the same item twice is an error: pass one (the current) rating per rater and item.
 */
export function pairwiseKappa(
  ratings: readonly { item: string; rater: string; value: Rating }[],
  options: { weights?: KappaWeights; order?: readonly Rating[] } = {},
): RaterPairKappa[] {
  const byItem = new Map<string, Map<string, Rating>>();
  for (const { item, rater, value } of ratings) {
    const given = byItem.get(item) ?? new Map<string, Rating>();
    if (given.has(rater)) throw new RangeError(`rater "${rater}" rated item "${item}" more than once`);
    byItem.set(item, given.set(rater, value));
  }
  const weights = options.weights;
  const order = weights ? (options.order ?? orderedValues(ratings.map((rating) => rating.value))) : undefined;
  const raters = [...new Set(ratings.map((rating) => rating.rater))].sort(compareCodeUnits);
  const result: RaterPairKappa[] = [];
  for (const [a, raterA] of raters.entries()) {
    for (const raterB of raters.slice(a + 1)) {
      const pairs: [Rating, Rating][] = [];
      for (const given of byItem.values()) {
        if (given.has(raterA) && given.has(raterB)) pairs.push([given.get(raterA)!, given.get(raterB)!]);
      }
      if (pairs.length === 0) continue;
      const { kappa } = weights ? weightedKappa(pairs, { weights, order }) : cohenKappa(pairs);
      result.push({ raterA, raterB, kappa, items: pairs.length });
    }
  }
  return result;
}

/** Distinct values in scale order (see the top of this file for the rules). */
export function orderedValues(values: readonly Rating[], order?: readonly Rating[]): Rating[] {
  if (order) {
    if (new Set(order).size !== order.length) throw new RangeError("order lists a value twice");
    const known = new Set(order);
    const unknown = values.find((value) => !known.has(value));
    if (unknown !== undefined) throw new RangeError(`value ${JSON.stringify(unknown)} is not in the given order`);
    return [...order];
  }
  const distinct = [...new Set(values)];
  if (distinct.every((value) => typeof value === "number")) return distinct.sort((a, b) => a - b);
  if (distinct.every((value) => typeof value === "string")) return distinct.sort(compareCodeUnits);
  throw new TypeError("cannot order a mix of numbers and strings without an explicit order");
}

function kappa(
  pairs: readonly (readonly [Rating, Rating])[],
  categories: readonly Rating[],
  disagreement: (i: number, j: number) => number,
): KappaResult {
  const items = pairs.length;
  if (items === 0) return { kappa: null, items, observed: null, expected: null };
  const index = new Map(categories.map((value, i) => [value, i]));
  // Whole counts, divided once at the end, so that chance-level tables give exactly 0.
  const countA = categories.map(() => 0);
  const countB = categories.map(() => 0);
  let observedSum = 0;
  for (const [a, b] of pairs) {
    const i = index.get(a)!;
    const j = index.get(b)!;
    countA[i] += 1;
    countB[j] += 1;
    observedSum += disagreement(i, j);
  }
  let expectedSum = 0;
  for (const [i, na] of countA.entries()) {
    for (const [j, nb] of countB.entries()) expectedSum += na * nb * disagreement(i, j);
  }
  const observedDisagreement = observedSum / items;
  const expectedDisagreement = expectedSum / (items * items);
  return {
    kappa: expectedSum === 0 ? null : 1 - observedDisagreement / expectedDisagreement,
    items,
    observed: 1 - observedDisagreement,
    expected: 1 - expectedDisagreement,
  };
}

/** delta^2 between the c-th and k-th of the ordered values (Krippendorff 2011, section E). */
function squaredDistance(level: MeasurementLevel, values: readonly Rating[], totals: readonly number[]) {
  if (level === "nominal") return (c: number, k: number) => (c === k ? 0 : 1);
  if (level === "ordinal") {
    // Ranks are spaced by how many values fall between them: sum of n_g from c to k, minus
    // half of each end, so an often-used middle category puts its neighbours further apart.
    const before = [0];
    for (const total of totals) before.push(before[before.length - 1] + total);
    return (c: number, k: number) => {
      const [lo, hi] = c < k ? [c, k] : [k, c];
      return (before[hi + 1] - before[lo] - (totals[lo] + totals[hi]) / 2) ** 2;
    };
  }
  const numbers = values.map((value) => {
    if (typeof value !== "number") throw new TypeError(`${level} alpha needs numbers, got ${JSON.stringify(value)}`);
    if (level === "ratio" && value < 0) throw new RangeError(`ratio alpha needs values >= 0, got ${value}`);
    return value;
  });
  if (level === "interval") return (c: number, k: number) => (numbers[c] - numbers[k]) ** 2;
  return (c: number, k: number) => {
    const sum = numbers[c] + numbers[k];
    return sum === 0 ? 0 : ((numbers[c] - numbers[k]) / sum) ** 2;
  };
}

function isPresent(value: Rating | null | undefined): value is Rating {
  return value !== null && value !== undefined;
}

function assertFinite(value: Rating): void {
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`rating ${value} is not a finite number`);
}

function compareCodeUnits(a: Rating, b: Rating): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
