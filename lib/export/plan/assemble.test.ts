import { describe, expect, it } from "vitest";
import { assemblePlan, type ScannedComponent, type ScannedEpisode } from "./assemble";
import { contentKeys, type ContentKeys } from "./content-keys";

const recipe = { seed: 5, dedup: { exact: true, near: true, threshold: 0.8 }, split: { validation: 0.2 } };
const longText = (prefix: string) => Array.from({ length: 120 }, (_, i) => `${prefix}${i}`).join(" ");

function episode(id: number, repo: string, tokens = 100, truncated = false): ScannedEpisode {
  return { id, repo, instanceId: `${repo}-${id}`, tokens, truncated };
}

function component(name: string, episodes: ScannedEpisode[], weight: ScannedComponent["weight"], dropped = { review_status: 1, over_max_tokens: 0, decontaminated: 2 }): ScannedComponent {
  return { name, filter: `repo=${name}`, weight, matched: episodes.length + dropped.review_status + dropped.over_max_tokens + dropped.decontaminated, dropped, episodes };
}

function scenario() {
  const a = Array.from({ length: 20 }, (_, i) => episode(i + 1, `o/r${i % 10}`, 100, i === 0));
  // 101 repeats episode 1's content exactly, 102 nearly; 5 is also chosen by the second component.
  const b = [episode(101, "x/a"), episode(102, "x/b"), episode(5, "o/r4"), ...Array.from({ length: 10 }, (_, i) => episode(200 + i, `x/r${i}`))];
  const keys = new Map<number, ContentKeys>();
  for (const e of [...a, ...b]) keys.set(e.id, contentKeys(longText(`t${e.id}w`), `patch ${e.id}`, true));
  keys.set(101, keys.get(1)!);
  keys.set(102, contentKeys(longText("t1w").replace("t1w60 ", "other "), "patch 1", true));
  return { keys, components: [component("a", a, { upsample: 2 }), component("b", b, { upsample: 0.5 })] };
}

describe("assemblePlan", () => {
  it("accounts for every matched episode exactly once per component", () => {
    const { keys, components } = scenario();
    const plan = assemblePlan({ recipe, components, keys, decontamination: { swebench: 4 } });
    for (const c of plan.report.components) {
      const dropped = Object.values(c.dropped).reduce((x, y) => x + y, 0);
      expect(c.episodes + dropped).toBe(c.matched);
    }
    const [a, b] = plan.report.components;
    expect(a).toMatchObject({ episodes: 20, entries: 40, tokens: 4000, truncated: 1 });
    expect(b.dropped).toMatchObject({ exact_duplicate: 2, near_duplicate: 1, decontaminated: 2, review_status: 1 });
    // 10 left after dedup, upsample 0.5 → 5 sampled.
    expect(b).toMatchObject({ episodes: 5, entries: 5 });
    expect(b.dropped.not_sampled).toBe(5);
    expect(plan.report.dedup.exact).toEqual([{ removed: 5, kept: 5, similarity: 1 }, { removed: 101, kept: 1, similarity: 1 }]);
    expect(plan.report.dedup.near).toMatchObject([{ removed: 102, kept: 1 }]);
    expect(plan.report.decontamination).toEqual({ swebench: 4 });
    expect(a.share + b.share).toBeCloseTo(1);
  });

  it("splits by repository, reports both splits and totals, and is deterministic", () => {
    const { keys, components } = scenario();
    const plan = assemblePlan({ recipe, components, keys, decontamination: {} });
    const { train, validation } = plan.report.split;
    expect(validation.entries).toBeGreaterThan(0);
    expect(train.entries + validation.entries).toBe(plan.entries.length);
    expect(plan.report.totals).toEqual({ episodes: train.episodes + validation.episodes, entries: 45, tokens: 4500 });
    const sideOf = new Map<string, Set<string>>();
    const repoOf = new Map([...components[0].episodes, ...components[1].episodes].map((e) => [e.id, e.repo]));
    for (const e of plan.entries) sideOf.set(repoOf.get(e.episodeId)!, (sideOf.get(repoOf.get(e.episodeId)!) ?? new Set()).add(e.split));
    for (const sides of sideOf.values()) expect(sides.size).toBe(1);
    expect(assemblePlan({ recipe, components, keys, decontamination: {} })).toEqual(plan);
  });
});
