import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { sampleMixture, seededOrder, takeTokens, upsample, type WeightedEpisode } from "./weights";

const episodes = (n: number, tokens = 100, from = 1): WeightedEpisode[] => Array.from({ length: n }, (_, i) => ({ id: from + i, tokens }));
const copiesOf = (copies: { episodeId: number }[], id: number) => copies.filter((c) => c.episodeId === id).length;

describe("upsample", () => {
  it("makes floor(f) full copies and a seeded subset of frac(f) for the last copy", () => {
    const ordered = seededOrder(episodes(10), 1, 0);
    const copies = upsample(ordered, 2.3);
    expect(copies).toHaveLength(23);
    expect(copies.filter((c) => c.copy === 2).map((c) => c.episodeId)).toEqual(ordered.slice(0, 3).map((e) => e.id));
    expect(upsample(ordered, 3).every((c) => c.copy < 3)).toBe(true);
    for (const e of ordered) expect(copiesOf(upsample(ordered, 3), e.id)).toBe(3);
    expect(upsample(ordered, 0.5)).toHaveLength(5);
  });

  it("picks a different half with another seed, the same with the same seed", () => {
    const half = (seed: number) => upsample(seededOrder(episodes(40), seed, 0), 0.5).map((c) => c.episodeId).sort((a, b) => a - b);
    expect(half(1)).toEqual(half(1));
    expect(half(1)).not.toEqual(half(2));
  });
});

describe("takeTokens", () => {
  it("stops at the first episode that reaches the budget", () => {
    const ordered = [{ id: 1, tokens: 40 }, { id: 2, tokens: 50 }, { id: 3, tokens: 30 }];
    expect(takeTokens(ordered, 90, "c")).toEqual([{ episodeId: 1, copy: 0 }, { episodeId: 2, copy: 0 }]);
    expect(takeTokens(ordered, 91, "c")).toHaveLength(3);
  });

  it("cycles with the next copy number when the component holds fewer tokens", () => {
    const copies = takeTokens([{ id: 1, tokens: 40 }, { id: 2, tokens: 60 }], 250, "c");
    expect(copies).toEqual([
      { episodeId: 1, copy: 0 }, { episodeId: 2, copy: 0 },
      { episodeId: 1, copy: 1 }, { episodeId: 2, copy: 1 },
      { episodeId: 1, copy: 2 }, { episodeId: 2, copy: 2 },
    ]);
  });

  it("refuses a budget that would repeat the component more than 100 times, and never loops on zero tokens", () => {
    expect(() => takeTokens(episodes(2, 10), 2001, "small")).toThrow(/Component "small" holds 20 tokens/);
    expect(takeTokens(episodes(2, 10), 2000, "small")).toHaveLength(200);
    expect(takeTokens(episodes(3, 0), 50, "empty")).toHaveLength(3);
    expect(takeTokens([], 50, "none")).toEqual([]);
  });
});

describe("sampleMixture", () => {
  it("gives a share component s · fixed / (1 - s) tokens, cycling if needed", () => {
    const [fixed, shared] = sampleMixture(
      [
        { name: "base", weight: { upsample: 1 }, episodes: episodes(10, 100) },
        { name: "extra", weight: { share: 0.5 }, episodes: episodes(4, 100, 100) },
      ],
      7,
    );
    expect(fixed.tokens).toBe(1000);
    expect(shared.tokens).toBe(1000);
    expect(shared.copies.filter((c) => c.copy === 2)).toHaveLength(2);
    expect(shared.share).toBe(0.5);
  });

  it("with only shares, takes the largest total no component must repeat for", () => {
    const [a, b] = sampleMixture(
      [
        { name: "a", weight: { share: 0.25 }, episodes: episodes(10, 100) },
        { name: "b", weight: { share: 0.5 }, episodes: episodes(10, 100, 100) },
      ],
      1,
    );
    // a: 1000 / 0.25 = 4000, b: 1000 / 0.5 = 2000 → total 2000: a gets 500, b all of its 1000.
    expect(a.tokens).toBe(500);
    expect(b.tokens).toBe(1000);
    expect([...a.copies, ...b.copies].every((c) => c.copy === 0)).toBe(true);
    expect(a.share).toBeCloseTo(1 / 3);
  });

  it("refuses shares that add up to 1 or more with a clear message", () => {
    const run = () =>
      sampleMixture(
        [
          { name: "a", weight: { share: 0.6 }, episodes: episodes(1) },
          { name: "b", weight: { share: 0.4 }, episodes: episodes(1, 100, 10) },
        ],
        1,
      );
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow("Component shares add up to 1; they must add up to less than 1");
  });

  it("reports token budgets and projected shares, deterministically", () => {
    const input = [
      { name: "t", weight: { tokens: 550 }, episodes: episodes(10, 100) },
      { name: "u", weight: { upsample: 3 }, episodes: episodes(5, 10, 50) },
    ];
    const [t, u] = sampleMixture(input, 3);
    expect(t.tokens).toBe(600);
    expect(t.copies).toHaveLength(6);
    expect(u.tokens).toBe(150);
    expect(t.share + u.share).toBeCloseTo(1);
    expect(sampleMixture(input, 3)).toEqual([t, u]);
  });
});
