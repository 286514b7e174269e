import { describe, expect, it } from "vitest";
import { contentKeys } from "./content-keys";
import { dedupe, type DedupCandidate } from "./dedup";
import { lshParams } from "./minhash";
import { createRng } from "@/lib/sample/random";

const all = { exact: true, near: true, threshold: 0.8 };
const words = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function candidate(episodeId: number, component: number, task: string, patch = "diff"): DedupCandidate {
  return { episodeId, component, ...contentKeys(task, patch, true) };
}

describe("dedupe", () => {
  it("keeps the first of an exact group (whitespace in the task does not matter) and records the pair", () => {
    const result = dedupe([candidate(5, 0, "Fix  the bug"), candidate(2, 1, "Fix the\nbug"), candidate(3, 1, "Another task")], all);
    expect(result.outcomes).toEqual(["kept", "exact_duplicate", "kept"]);
    expect(result.exact).toEqual([{ removed: 2, kept: 5, similarity: 1 }]);
    expect(result.near).toEqual([]);
  });

  it("treats a different final patch as different content", () => {
    const result = dedupe([candidate(1, 0, "Same task", "diff a"), candidate(2, 0, "Same task", "diff b")], { ...all, near: false });
    expect(result.outcomes).toEqual(["kept", "kept"]);
  });

  it("keeps an episode chosen by two components in the first and records the second as an exact duplicate of itself", () => {
    const result = dedupe([candidate(7, 0, "task"), candidate(7, 1, "task")], { exact: false, near: false, threshold: 0.8 });
    expect(result.outcomes).toEqual(["kept", "exact_duplicate"]);
    expect(result.exact).toEqual([{ removed: 7, kept: 7, similarity: 1 }]);
  });

  it("removes near duplicates across components, keeping the earlier, with the estimated similarity", () => {
    const text = words(300, "w");
    const close = text.map((w, i) => (i % 100 === 50 ? "changed" : w)).join(" ");
    const result = dedupe([candidate(10, 0, text.join(" ")), candidate(4, 1, close), candidate(6, 1, words(300, "z").join(" "))], all);
    expect(result.outcomes).toEqual(["kept", "near_duplicate", "kept"]);
    expect(result.near).toHaveLength(1);
    expect(result.near[0]).toMatchObject({ removed: 4, kept: 10 });
    expect(result.near[0].similarity).toBeGreaterThanOrEqual(0.8);
    expect(result.near[0].similarity).toBeLessThan(1);
    expect(dedupe([candidate(10, 0, text.join(" ")), candidate(4, 1, close)], { ...all, near: false }).outcomes).toEqual(["kept", "kept"]);
  });

  it("verifies LSH candidates: sharing a band alone is not a duplicate", () => {
    const { rows } = lshParams(0.8);
    const a = Uint32Array.from({ length: 64 }, (_, i) => i);
    const b = Uint32Array.from({ length: 64 }, (_, i) => (i < rows ? i : 1000 + i));
    const result = dedupe(
      [
        { episodeId: 1, component: 0, exactKey: "a", signature: a },
        { episodeId: 2, component: 0, exactKey: "b", signature: b },
      ],
      all,
    );
    expect(result.outcomes).toEqual(["kept", "kept"]);
  });

  it("never compares episodes without content", () => {
    const empty = { ...contentKeys("  ", null, true) };
    expect(empty).toEqual({ exactKey: null, signature: null });
    const result = dedupe([{ episodeId: 1, component: 0, ...empty }, { episodeId: 2, component: 0, ...empty }], all);
    expect(result.outcomes).toEqual(["kept", "kept"]);
  });

  it("only ever reports pairs at or above the threshold, and never removes against a removed episode", () => {
    const rng = createRng(42);
    const bases = Array.from({ length: 6 }, (_, b) => words(100, `b${b}w`));
    // Variants of six texts with 0 to 14 random word edits: similarities spread around the threshold.
    const candidates = Array.from({ length: 120 }, (_, i) => {
      const text = bases[i % 6].slice();
      for (let e = 0; e < i % 15; e++) text[rng.int(0, 99)] = `edit${rng.int(0, 9999)}`;
      return candidate(i + 1, i % 3, text.join(" "));
    });
    const result = dedupe(candidates, { exact: true, near: true, threshold: 0.5 });
    const removed = new Set([...result.exact, ...result.near].map((p) => p.removed));
    expect(result.near.length).toBeGreaterThan(0);
    for (const pair of result.near) {
      expect(pair.similarity).toBeGreaterThanOrEqual(0.5);
      expect(removed.has(pair.kept)).toBe(false);
    }
    expect(dedupe(candidates, { exact: true, near: true, threshold: 0.5 })).toEqual(result);
  });
});
