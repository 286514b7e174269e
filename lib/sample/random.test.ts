import { describe, expect, it } from "vitest";
import { createRng } from "./random";

describe("createRng", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const draw = (seed: number | string) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw("abc")).toEqual(draw("abc"));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it("keeps helpers within their ranges", () => {
    const rng = createRng(9);
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      const s = rng.logNormalInt(30, 0.6, 5, 80);
      expect(s).toBeGreaterThanOrEqual(5);
      expect(s).toBeLessThanOrEqual(80);
    }
    expect(rng.hex(40)).toMatch(/^[0-9a-f]{40}$/);
    expect(rng.alnum(12)).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(rng.shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
    expect(new Set(rng.sample([1, 2, 3, 4, 5], 3)).size).toBe(3);
  });

  it("follows the weights of a weighted pick", () => {
    const rng = createRng(4);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted([["a", 9], ["b", 1]] as const)]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.87);
    expect(counts.a / 10_000).toBeLessThan(0.93);
  });

  it("forks streams that do not depend on later draws of the parent", () => {
    const a = createRng(5);
    const b = createRng(5);
    const forkA = a.fork("x");
    const forkB = b.fork("x");
    a.next();
    expect(forkA.next()).toBe(forkB.next());
    expect(createRng(5).fork("x").next()).not.toBe(createRng(5).fork("y").next());
  });
});
