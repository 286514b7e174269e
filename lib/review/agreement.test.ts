import { describe, expect, it } from "vitest";
import { cohenKappa, krippendorffAlpha, orderedValues, pairwiseKappa, weightedKappa, type Rating } from "./agreement";

/** Reliability data given coder by coder (rows), read unit by unit (columns); null = missing. */
const byUnit = (coders: (Rating | null)[][]) => coders[0].map((_, unit) => coders.map((row) => row[unit]));

/** Two raters' pairs from a 2x2 table: [yes/yes, A yes B no, A no B yes, no/no]. */
const fromTable = ([yy, yn, ny, nn]: number[]): [Rating, Rating][] => [
  ...Array<[Rating, Rating]>(yy).fill(["yes", "yes"]),
  ...Array<[Rating, Rating]>(yn).fill(["yes", "no"]),
  ...Array<[Rating, Rating]>(ny).fill(["no", "yes"]),
  ...Array<[Rating, Rating]>(nn).fill(["no", "no"]),
];

/** The same label vectors as scikit-learn's test_cohen_kappa: runs of a value, aligned by position. */
const runs = (...counts: [Rating, number][]) => counts.flatMap(([value, count]) => Array<Rating>(count).fill(value));
const zip = (a: Rating[], b: Rating[]) => a.map((value, i): [Rating, Rating] => [value, b[i]]);

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
// Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43), section C:
// "Nominal data, any number of observers, missing data" (the paper's example used for all metrics).
const sectionC = byUnit([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null], // observer A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3], // observer B
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null], // observer C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null], // observer D
]);

describe("krippendorffAlpha against Krippendorff (2011)", () => {
  // Section C: 4 observers, 12 units, missing values; unit 12 has a single value and drops out.
  it.each([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
    ["ratio", 0.797],
  ] as const)("section C, %s alpha = %s", (level, published) => {
    const result = krippendorffAlpha(sectionC, { level });
    expect(result.alpha).toBeCloseTo(published, 3);
    // n.. = 40 pairable values in 11 units (3 + 8 x 4 + 3 + 2), 3 + 8 x 6 + 3 + 1 = 55 pairs.
    expect(result).toMatchObject({ units: 11, values: 40, pairs: 55 });
  });

  // Section A: "Binary or dichotomous data, two observers, no missing data", alpha = 0.095.
  it("section A, binary data from two observers: alpha = 0.095", () => {
    const units = byUnit([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], // observer Ci
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0], // observer Ck
    ]);
    expect(krippendorffAlpha(units, { level: "nominal" })).toEqual({ alpha: expect.closeTo(0.095, 3), units: 10, pairs: 10, values: 20 });
  });

  // Section B: "Nominal data, two observers, no missing data" (Ben and Gerry), alpha = 0.692.
  it("section B, nominal data from two observers: alpha = 0.692", () => {
    const units = byUnit([
      ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"], // Ben
      ["b", "a", "b", "b", "b", "c", "c", "c", "e", "d", "d", "d"], // Gerry
    ]);
    expect(krippendorffAlpha(units, { level: "nominal" }).alpha).toBeCloseTo(0.692, 3);
  });
});

describe("krippendorffAlpha: ordinal labels", () => {
  // Ordinal alpha depends only on the order of the values and how often each is used, so any
  // order-preserving relabelling of section C must give the published 0.815 again.
  const relabel = (mapping: Record<number, Rating>) => sectionC.map((unit) => unit.map((value) => (value === null ? null : mapping[value as number])));

  it("works on ranks: non-integer numbers give the same ordinal alpha (but a different interval alpha)", () => {
    const stretched = relabel({ 1: -0.5, 2: 1.7, 3: 2.25, 4: 10, 5: 99.9 });
    expect(krippendorffAlpha(stretched, { level: "ordinal" }).alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(stretched, { level: "interval" }).alpha).not.toBeCloseTo(0.849, 2);
  });

  it("orders strings lexicographically when no order is given", () => {
    const letters = relabel({ 1: "a", 2: "b", 3: "c", 4: "d", 5: "e" });
    expect(krippendorffAlpha(letters, { level: "ordinal" }).alpha).toBeCloseTo(0.815, 3);
  });

  it("follows an explicit order for named levels, which lexicographic order would get wrong", () => {
    const named = relabel({ 1: "poor", 2: "fair", 3: "good", 4: "great", 5: "perfect" });
    const order = ["poor", "fair", "good", "great", "perfect"];
    expect(krippendorffAlpha(named, { level: "ordinal", order }).alpha).toBeCloseTo(0.815, 3);
    // fair < good < great < perfect < poor is a different scale, hence a different alpha.
    expect(krippendorffAlpha(named, { level: "ordinal" }).alpha).not.toBeCloseTo(0.815, 2);
  });

  it("sorts numbers numerically, strings by code unit, and refuses to guess a mixed order", () => {
    expect(orderedValues([10, 9, 2, 10, 1.5])).toEqual([1.5, 2, 9, 10]);
    expect(orderedValues(["b", "B", "a"])).toEqual(["B", "a", "b"]);
    expect(() => orderedValues([1, "2"])).toThrow(TypeError);
    expect(() => orderedValues(["low", "odd"], ["low", "high"])).toThrow(/"odd" is not in the given order/);
  });
});

describe("krippendorffAlpha: edge cases", () => {
  it("is undefined (null) when every value is identical: no expected disagreement", () => {
    expect(krippendorffAlpha([[3, 3], [3, 3, 3], [3]], { level: "interval" })).toEqual({ alpha: null, units: 2, pairs: 4, values: 5 });
  });

  it("is 0 for a single unit with disagreement: all the variation is within the unit", () => {
    expect(krippendorffAlpha([[1, 2, 2]], { level: "nominal" })).toMatchObject({ alpha: 0, units: 1, pairs: 3, values: 3 });
    expect(krippendorffAlpha([[1, 5]], { level: "interval" }).alpha).toBe(0);
  });

  it("is undefined for a single unit whose coders agree", () => {
    expect(krippendorffAlpha([["yes", "yes"]], { level: "nominal" }).alpha).toBeNull();
  });

  it("ignores units with fewer than two values and counts nothing when only those remain", () => {
    expect(krippendorffAlpha([[null, 1], [], [undefined, null], ["a"]], { level: "nominal" })).toEqual({ alpha: null, units: 0, pairs: 0, values: 0 });
    expect(krippendorffAlpha([], { level: "ordinal" })).toEqual({ alpha: null, units: 0, pairs: 0, values: 0 });
  });

  it("is 1 for perfect agreement and negative for systematic disagreement", () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3, null]], { level: "ordinal" }).alpha).toBe(1);
    expect(krippendorffAlpha([[1, 2], [2, 1], [1, 2], [2, 1]], { level: "nominal" }).alpha).toBeLessThan(0);
  });

  it("rejects values the metric cannot measure", () => {
    expect(() => krippendorffAlpha([["a", "b"]], { level: "interval" })).toThrow(TypeError);
    expect(() => krippendorffAlpha([[-1, 2]], { level: "ratio" })).toThrow(RangeError);
    expect(() => krippendorffAlpha([[Number.NaN, 2]], { level: "nominal" })).toThrow(RangeError);
  });
});

describe("cohenKappa", () => {
  // Wikipedia, "Cohen's kappa", Examples, "Simple example": 50 grant proposals read by A and B,
  // 20 yes/yes, 5 A-yes/B-no, 10 A-no/B-yes, 15 no/no: p_o = 0.7, p_e = 0.5, kappa = 0.4.
  it("reproduces the 50-proposal example: kappa = 0.4", () => {
    const result = cohenKappa(fromTable([20, 5, 10, 15]));
    expect(result).toEqual({ kappa: expect.closeTo(0.4, 10), items: 50, observed: expect.closeTo(0.7, 10), expected: expect.closeTo(0.5, 10) });
  });

  // Wikipedia, "Cohen's kappa", "Same percentages but different numbers": both tables agree on
  // 60 of 100 items, yet kappa = 0.1304 and 0.2593 because the marginals differ.
  it("reproduces the same-percentage tables: kappa = 0.1304 and 0.2593", () => {
    expect(cohenKappa(fromTable([45, 15, 25, 15])).kappa).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(fromTable([25, 35, 5, 35])).kappa).toBeCloseTo(0.2593, 4);
  });

  // scikit-learn, sklearn/metrics/tests/test_classification.py::test_cohen_kappa, after
  // Artstein & Poesio (2008), Computational Linguistics 34(4), Table 1 (2x2 [[20, 20], [10, 50]]).
  it("reproduces Artstein & Poesio's 2x2 table: kappa = 0.348, symmetric in the raters", () => {
    const a = runs([0, 40], [1, 60]);
    const b = runs([0, 20], [1, 20], [0, 10], [1, 50]);
    expect(cohenKappa(zip(a, b)).kappa).toBeCloseTo(0.348, 3);
    expect(cohenKappa(zip(b, a)).kappa).toBeCloseTo(cohenKappa(zip(a, b)).kappa!, 12);
  });

  // Same source: the three-category example, kappa = 0.8013.
  it("reproduces the three-category example: kappa = 0.8013", () => {
    expect(cohenKappa(zip(runs([0, 46], [1, 44], [2, 10]), runs([0, 52], [1, 32], [2, 16]))).kappa).toBeCloseTo(0.8013, 4);
  });

  it("is 1 for perfect agreement and 0 when agreement is exactly what chance predicts", () => {
    expect(cohenKappa(fromTable([12, 0, 0, 8])).kappa).toBe(1);
    // Both raters say yes half the time, independently: p_o = p_e = 0.5.
    expect(cohenKappa(fromTable([25, 25, 25, 25]))).toEqual({ kappa: 0, items: 100, observed: 0.5, expected: 0.5 });
  });

  it("is undefined with no items or when both raters used one same value throughout", () => {
    expect(cohenKappa([])).toEqual({ kappa: null, items: 0, observed: null, expected: null });
    expect(cohenKappa(fromTable([7, 0, 0, 0]))).toEqual({ kappa: null, items: 7, observed: 1, expected: 1 });
  });
});

describe("weightedKappa", () => {
  // scikit-learn, test_cohen_kappa, "Weighting example: none, linear, quadratic".
  const pairs = zip(runs([0, 46], [1, 44], [2, 10]), runs([0, 50], [1, 40], [2, 10]));

  it("reproduces scikit-learn's weighting example: 0.9315 unweighted, 0.9412 linear, 0.9541 quadratic", () => {
    expect(cohenKappa(pairs).kappa).toBeCloseTo(0.9315, 4);
    expect(weightedKappa(pairs, { weights: "linear" }).kappa).toBeCloseTo(0.9412, 4);
    expect(weightedKappa(pairs, { weights: "quadratic" }).kappa).toBeCloseTo(0.9541, 4);
  });

  it("equals plain kappa for two categories, whatever the weights", () => {
    const twoCategories = fromTable([20, 5, 10, 15]);
    expect(weightedKappa(twoCategories, { weights: "quadratic", order: ["no", "yes"] }).kappa).toBeCloseTo(0.4, 10);
  });

  it("counts unused scale points between values when the order lists them", () => {
    const scale = [1, 2, 3, 4, 5];
    const shifted: [Rating, Rating][] = [[1, 2], [2, 1], [5, 5], [1, 1], [5, 4]];
    const onUsedValues = weightedKappa(shifted, { weights: "linear" }).kappa;
    const onFullScale = weightedKappa(shifted, { weights: "linear", order: scale }).kappa;
    expect(onFullScale).not.toBeCloseTo(onUsedValues!, 3);
  });
});

describe("pairwiseKappa", () => {
  const ratings = [
    ...["e1", "e2", "e3", "e4"].map((item, i) => ({ item, rater: "ann", value: ["ok", "bad", "ok", "bad"][i] })),
    ...["e1", "e2", "e3", "e4"].map((item, i) => ({ item, rater: "bob", value: ["ok", "bad", "bad", "bad"][i] })),
    ...["e3", "e4", "e5"].map((item, i) => ({ item, rater: "cy", value: ["ok", "bad", "ok"][i] })),
    { item: "e9", rater: "dee", value: "ok" },
  ];

  it("gives kappa for each pair of raters over the items both rated, leaving out pairs with none", () => {
    expect(pairwiseKappa(ratings)).toEqual([
      { raterA: "ann", raterB: "bob", kappa: cohenKappa([["ok", "ok"], ["bad", "bad"], ["ok", "bad"], ["bad", "bad"]]).kappa, items: 4 },
      { raterA: "ann", raterB: "cy", kappa: 1, items: 2 },
      { raterA: "bob", raterB: "cy", kappa: 0, items: 2 },
    ]);
    expect(pairwiseKappa(ratings)[0].kappa).toBeCloseTo(0.5, 10);
  });

  it("weights every pair on the scale of all ratings", () => {
    const scores = [
      ...[1, 2, 4, 1].map((value, i) => ({ item: `i${i}`, rater: "a", value })),
      ...[2, 2, 4, 1].map((value, i) => ({ item: `i${i}`, rater: "b", value })),
      { item: "i0", rater: "c", value: 3 },
    ];
    const [ab] = pairwiseKappa(scores, { weights: "linear" });
    const pairs: [Rating, Rating][] = [[1, 2], [2, 2], [4, 4], [1, 1]];
    expect(ab.kappa).toBeCloseTo(weightedKappa(pairs, { weights: "linear", order: [1, 2, 3, 4] }).kappa!, 12);
    expect(ab.kappa).not.toBeCloseTo(weightedKappa(pairs, { weights: "linear" }).kappa!, 3);
  });

  it("refuses two ratings of one item by one rater", () => {
    expect(() => pairwiseKappa([...ratings, { item: "e1", rater: "ann", value: "bad" }])).toThrow(/"ann" rated item "e1" more than once/);
  });
});
