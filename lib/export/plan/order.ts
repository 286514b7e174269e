/**
 * The final order of the mixture: every entry of every component and both splits, shuffled by a
 * 64-bit seeded hash of (seed, episode, component, copy), so copies of one episode are spread
 * out and the order never depends on how the entries were collected.
 */
import type { PlanEntry } from "../types";
import { seededHash64 } from "./seeded-hash";

export function orderEntries(entries: readonly PlanEntry[], seed: number): PlanEntry[] {
  const hi = new Uint32Array(entries.length);
  const lo = new Uint32Array(entries.length);
  entries.forEach((e, i) => {
    [hi[i], lo[i]] = seededHash64(seed, "order", e.episodeId, e.component, e.copy);
  });
  const index = Array.from(entries.keys());
  index.sort((a, b) => {
    const x = entries[a];
    const y = entries[b];
    return hi[a] - hi[b] || lo[a] - lo[b] || x.episodeId - y.episodeId || x.component - y.component || x.copy - y.copy;
  });
  return index.map((i) => entries[i]);
}
