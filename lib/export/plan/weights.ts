/**
 * How many copies of which episodes each component contributes. Episodes are taken in a seeded
 * order per component, so a token budget or a fractional upsample picks the same subset every
 * run. Shares are turned into token budgets from the rest of the mixture.
 */
import { InvalidInputError } from "@/lib/errors";
import type { ComponentWeight } from "../recipe/schema";
import { seededHash } from "./seeded-hash";

export type WeightedEpisode = { id: number; tokens: number };
export type Copy = { episodeId: number; copy: number };
export type ComponentInput = { name: string; weight: ComponentWeight; episodes: readonly WeightedEpisode[] };
export type ComponentSample = { copies: Copy[]; tokens: number; share: number };

/** A budget may repeat a component at most this often (the recipe's upsample maximum). */
export const MAX_COPIES = 100;

export function seededOrder(episodes: readonly WeightedEpisode[], seed: number, component: number): WeightedEpisode[] {
  return episodes
    .map((episode) => ({ episode, hash: seededHash(seed, "weight", component, episode.id) }))
    .sort((a, b) => a.hash - b.hash || a.episode.id - b.episode.id)
    .map((e) => e.episode);
}

/** floor(f) copies of everything, then the first round(frac · n) episodes of the seeded order once more. */
export function upsample(ordered: readonly WeightedEpisode[], factor: number): Copy[] {
  const full = Math.floor(factor);
  const extra = Math.round((factor - full) * ordered.length);
  const copies: Copy[] = [];
  for (let copy = 0; copy < full; copy++) for (const e of ordered) copies.push({ episodeId: e.id, copy });
  for (const e of ordered.slice(0, extra)) copies.push({ episodeId: e.id, copy: full });
  return copies;
}

/** Episodes in seeded order, cycling (copy + 1) when the component holds fewer tokens, up to the first that reaches the budget. */
export function takeTokens(ordered: readonly WeightedEpisode[], budget: number, name: string, maxCopies = MAX_COPIES): Copy[] {
  if (budget <= 0 || ordered.length === 0) return [];
  const available = ordered.reduce((sum, e) => sum + e.tokens, 0);
  // Episodes without token counts cannot fill a budget: take each once rather than loop forever.
  if (available === 0) return ordered.map((e) => ({ episodeId: e.id, copy: 0 }));
  if (budget > available * maxCopies)
    throw new InvalidInputError(`Component "${name}" holds ${available} tokens: a budget of ${Math.ceil(budget)} would repeat it more than ${maxCopies} times. Lower the budget or widen the filter.`);
  const copies: Copy[] = [];
  let sum = 0;
  for (let copy = 0; ; copy++) {
    for (const e of ordered) {
      copies.push({ episodeId: e.id, copy });
      sum += e.tokens;
      if (sum >= budget) return copies;
    }
  }
}

function tokensOf(copies: readonly Copy[], tokens: ReadonlyMap<number, number>): number {
  return copies.reduce((sum, c) => sum + (tokens.get(c.episodeId) ?? 0), 0);
}

/** Σ shares, refused at 1 or more: the other components would have to bring nothing or less. */
export function checkShares(components: readonly { weight: ComponentWeight }[]): number {
  const shares = components.flatMap((c) => ("share" in c.weight ? [c.weight.share] : []));
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum >= 1 - 1e-9) {
    const message = `Component shares add up to ${Number(sum.toFixed(6))}; they must add up to less than 1 (the rest is what the other components bring).`;
    throw new InvalidInputError(message, { issues: [{ path: ["components"], message }] });
  }
  return sum;
}

/**
 * Shares become budgets: with fixed components (tokens or upsample) the total is
 * fixed / (1 - Σ shares) and each share gets s · total (cycling when it holds fewer tokens).
 * When every component is a share, the total is the largest that no component has to repeat for:
 * min(available / share).
 */
export function sampleMixture(components: readonly ComponentInput[], seed: number): ComponentSample[] {
  const shareSum = checkShares(components);
  const ordered = components.map((c, i) => seededOrder(c.episodes, seed, i));
  const tokens = components.map((c) => new Map(c.episodes.map((e) => [e.id, e.tokens])));
  const available = ordered.map((episodes) => episodes.reduce((sum, e) => sum + e.tokens, 0));
  const copies: (Copy[] | null)[] = components.map(({ name, weight }, i) =>
    "upsample" in weight ? upsample(ordered[i], weight.upsample) : "tokens" in weight ? takeTokens(ordered[i], weight.tokens, name) : null,
  );
  const isAllShares = copies.every((c) => c === null);
  const fixed = copies.reduce((sum, c, i) => sum + (c ? tokensOf(c, tokens[i]) : 0), 0);
  const total = isAllShares
    ? Math.min(...components.map((c, i) => available[i] / (c.weight as { share: number }).share))
    : fixed / (1 - shareSum);
  const filled = copies.map((c, i) => {
    if (c) return c;
    const share = (components[i].weight as { share: number }).share;
    return isAllShares ? takeTokens(ordered[i], Math.min(share * total, available[i]), components[i].name, 1) : takeTokens(ordered[i], share * total, components[i].name);
  });
  const componentTokens = filled.map((c, i) => tokensOf(c, tokens[i]));
  const mixture = componentTokens.reduce((a, b) => a + b, 0);
  return filled.map((c, i) => ({ copies: c, tokens: componentTokens[i], share: mixture > 0 ? componentTokens[i] / mixture : 0 }));
}
