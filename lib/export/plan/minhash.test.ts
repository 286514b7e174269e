import { describe, expect, it } from "vitest";
import { bandKeys, estimateJaccard, lshParams, minhashSignature, normalizeText, shingleHashes } from "./minhash";

const words = (n: number, prefix = "w") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function trueJaccard(a: string, b: string): number {
  const sa = new Set(shingleHashes(a));
  const sb = new Set(shingleHashes(b));
  const shared = [...sa].filter((h) => sb.has(h)).length;
  return shared / (sa.size + sb.size - shared);
}

/** Candidate (shares a band) and verified (estimate ≥ threshold): what dedup calls a near duplicate. */
function isNearDuplicate(a: string, b: string, threshold: number): boolean {
  const [sa, sb] = [minhashSignature(a), minhashSignature(b)];
  const params = lshParams(threshold);
  const [ka, kb] = [bandKeys(sa, params), bandKeys(sb, params)];
  return ka.some((key, band) => key === kb[band]) && estimateJaccard(sa, sb) >= threshold;
}

const base = words(400);
/** Every 60th word replaced: 7 edits × 5 shingles each out of 396 → true Jaccard ≈ 0.84. */
const edited = base.map((w, i) => (i % 60 === 30 ? `edit${i}` : w));

describe("minhash", () => {
  it("normalizes case and whitespace before shingling", () => {
    expect(normalizeText("  Fix\tTHE\n\nbug  ")).toBe("fix the bug");
    expect(minhashSignature("Fix the   parser bug in Module X now")).toEqual(minhashSignature("fix the parser\nbug in module x NOW"));
  });

  it("gives identical texts a similarity of 1 and disjoint texts about 0", () => {
    const text = base.join(" ");
    expect(estimateJaccard(minhashSignature(text), minhashSignature(text))).toBe(1);
    expect(estimateJaccard(minhashSignature(text), minhashSignature(words(400, "other").join(" ")))).toBeLessThan(0.05);
  });

  it("estimates a known ~0.84 pair closely and detects it at 0.8 but not at 0.95", () => {
    const [a, b] = [base.join(" "), edited.join(" ")];
    const actual = trueJaccard(a, b);
    expect(actual).toBeCloseTo(361 / 431, 5);
    const estimate = estimateJaccard(minhashSignature(a), minhashSignature(b));
    expect(Math.abs(estimate - actual)).toBeLessThan(0.1);
    expect(isNearDuplicate(a, b, 0.8)).toBe(true);
    expect(isNearDuplicate(a, b, 0.95)).toBe(false);
  });

  it("is deterministic: fixed permutations, no randomness", () => {
    const signature = minhashSignature(edited.join(" "));
    expect(minhashSignature(edited.join(" "))).toEqual(signature);
    expect(signature).toBeInstanceOf(Uint32Array);
    expect(signature).toHaveLength(64);
    // A pinned value: a change to the hash family would silently change every export's dedup.
    expect(Array.from(minhashSignature("one two three four five six").slice(0, 2))).toEqual([1142036215, 1889411239]);
  });

  it("treats short texts as one shingle and empty texts as equal only to each other", () => {
    expect(shingleHashes("just three words")).toHaveLength(1);
    expect(shingleHashes("   ")).toHaveLength(0);
    expect(estimateJaccard(minhashSignature(""), minhashSignature(" \n"))).toBe(1);
    expect(estimateJaccard(minhashSignature(""), minhashSignature("some words here"))).toBe(0);
  });

  it("chooses more bands of fewer rows for lower thresholds (the S-curve moves left)", () => {
    const low = lshParams(0.5);
    const high = lshParams(0.95);
    expect(low.bands * low.rows).toBeLessThanOrEqual(64);
    expect(low.bands).toBeGreaterThan(high.bands);
    expect(low.rows).toBeLessThan(high.rows);
    // The S-curve's midpoint (1/b)^(1/r) sits just below the threshold: misses weigh more than extra candidates.
    for (const t of [0.5, 0.7, 0.8, 0.9]) {
      const { bands, rows } = lshParams(t);
      const midpoint = (1 / bands) ** (1 / rows);
      expect(midpoint).toBeLessThan(t);
      expect(midpoint).toBeGreaterThan(t - 0.2);
    }
  });
});
