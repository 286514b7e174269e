import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/sample/random";
import { assignSplits, splitGroup, type SplitEpisode } from "./split";

function randomEpisodes(seed: number): SplitEpisode[] {
  const rng = createRng(seed);
  const repos = Array.from({ length: rng.int(1, 30) }, (_, i) => `owner${i}/repo${i}`);
  return Array.from({ length: rng.int(1, 300) }, (_, i) => {
    const hasRepo = rng.chance(0.8);
    const repo = hasRepo ? rng.pick(repos) : null;
    return {
      id: i * 3 + 1,
      // Case varies: the same repository spelled twice must still land on one side.
      repo: repo && rng.chance(0.2) ? repo.toUpperCase() : repo,
      instanceId: rng.chance(0.7) ? `inst-${rng.int(0, 40)}` : null,
    };
  });
}

describe("assignSplits", () => {
  it("never puts one repository (or one instance without a repo) on both sides, over many random inputs", () => {
    for (let trial = 0; trial < 200; trial++) {
      const episodes = randomEpisodes(trial);
      const ratio = [0.01, 0.05, 0.2, 0.5][trial % 4];
      const splits = assignSplits(episodes, { seed: trial, validation: ratio });
      const sides = new Map<string, Set<string>>();
      for (const episode of episodes) {
        const key = splitGroup(episode);
        sides.set(key, (sides.get(key) ?? new Set()).add(splits.get(episode.id)!));
      }
      for (const [key, seen] of sides) expect(seen.size, `${key} in trial ${trial}`).toBe(1);
      const validation = episodes.filter((e) => splits.get(e.id) === "validation").length;
      expect(validation).toBeLessThanOrEqual(episodes.length / 2);
    }
  });

  it("fills validation to at least the ratio when groups are small, and stops there", () => {
    const episodes = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, repo: `o/r${i % 200}`, instanceId: null }));
    const splits = assignSplits(episodes, { seed: 7, validation: 0.1 });
    const validation = [...splits.values()].filter((s) => s === "validation").length;
    expect(validation).toBe(100);
  });

  it("is deterministic in (seed, data), not in input order; another seed picks other repositories", () => {
    const episodes = randomEpisodes(99);
    const a = assignSplits(episodes, { seed: 3, validation: 0.2 });
    const b = assignSplits(createRng(1).shuffle(episodes), { seed: 3, validation: 0.2 });
    expect([...b.entries()].sort((x, y) => x[0] - y[0])).toEqual([...a.entries()].sort((x, y) => x[0] - y[0]));
    const many = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, repo: `o/r${i % 100}`, instanceId: null }));
    expect(assignSplits(many, { seed: 1, validation: 0.1 })).not.toEqual(assignSplits(many, { seed: 2, validation: 0.1 }));
  });

  it("puts everything in train at ratio 0, and keeps a single dominant repository in train", () => {
    const episodes = randomEpisodes(5);
    expect([...assignSplits(episodes, { seed: 1, validation: 0 }).values()].every((s) => s === "train")).toBe(true);
    const oneRepo = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, repo: "o/only", instanceId: null }));
    expect([...assignSplits(oneRepo, { seed: 1, validation: 0.05 }).values()].every((s) => s === "train")).toBe(true);
  });

  it("groups by instance id without a repo, else by episode", () => {
    expect(splitGroup({ id: 1, repo: "A/B", instanceId: "x" })).toBe("repo:a/b");
    expect(splitGroup({ id: 1, repo: null, instanceId: "X-1" })).toBe("instance:x-1");
    expect(splitGroup({ id: 4, repo: null, instanceId: null })).toBe("episode:4");
  });
});
