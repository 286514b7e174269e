/**
 * What the write stage counts besides the shards themselves: renders that dropped an entry,
 * truncated records, and the licences of PR-derived records. Saved with every checkpoint, so a
 * resumed export reports the same numbers as one that never stopped.
 */
import { z } from "zod";

const count = z.number().int().min(0);

export const writeTallySchema = z.object({
  /** Per component (by index): entries the renderer dropped, by reason. */
  dropped: z.array(z.record(z.string(), count)),
  /** Per component: records cut at the component's maxTokens. */
  truncated: z.array(count),
  /** Records from pull-request-derived episodes, by the repository's licence ("unknown" when not recorded). */
  licenses: z.record(z.string(), count),
});
export type WriteTally = z.infer<typeof writeTallySchema>;

export function emptyTally(components: number): WriteTally {
  return { dropped: Array.from({ length: components }, () => ({})), truncated: new Array<number>(components).fill(0), licenses: {} };
}

export function countDrop(tally: WriteTally, component: number, reason: string): void {
  tally.dropped[component][reason] = (tally.dropped[component][reason] ?? 0) + 1;
}

/** `license` is undefined for episodes that did not come from a pull request. */
export function countRecord(tally: WriteTally, component: number, isTruncated: boolean, license: string | null | undefined): void {
  if (isTruncated) tally.truncated[component] += 1;
  if (license === undefined) return;
  const key = license ?? "unknown";
  tally.licenses[key] = (tally.licenses[key] ?? 0) + 1;
}
