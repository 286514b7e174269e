import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool } from "@/lib/db";
import { episodeFilterSchema, type EpisodeFilter } from "@/lib/search/filter";
import { findEpisodes } from "@/lib/search/find-episodes";
import { seedSearchCorpus } from "@/lib/testing/search-corpus";
import { findNeighbors } from "./neighbors";

const run = `n${randomBytes(4).toString("hex")}`;
let batchId: number;

function filterOf(params: Record<string, string>): EpisodeFilter {
  return episodeFilterSchema.parse({ batch: String(batchId), ...params });
}

/** The list's own order, page by page, as the episode list shows it. */
async function listOrder(filter: EpisodeFilter): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await findEpisodes(filter, { cursor, limit: 4 });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  batchId = await seedSearchCorpus(run);
  // Scores with unknowns and ties, so the nullable sort and its tie-break are both exercised. Halves,
  // because a real holds them exactly (the list's cursor carries 0.3 as a float8, which a real 0.3 is not).
  await pool.query(`UPDATE episodes SET score = CASE WHEN id % 3 = 0 THEN NULL ELSE (id % 2) * 0.5 END WHERE import_batch_id = $1`, [batchId]);
});
afterAll(() => disconnect());

describe("findNeighbors", () => {
  const sorts: Record<string, string>[] = [{}, { dir: "asc" }, { sort: "cost" }, { sort: "cost", dir: "asc" }, { sort: "score" }, { sort: "score", dir: "asc" }, { sort: "steps", dir: "asc" }, { sort: "id" }];

  for (const sort of sorts) {
    it(`walks the list's own order both ways (${JSON.stringify(sort)})`, async () => {
      const filter = filterOf(sort);
      const order = await listOrder(filter);
      expect(order.length).toBeGreaterThan(10);
      for (const [i, id] of order.entries()) {
        expect(await findNeighbors(id, filter)).toEqual({ previous: order[i - 1] ?? null, next: order[i + 1] ?? null });
      }
    });
  }

  it("follows a narrower filter, and answers for an episode outside it by its sort position", async () => {
    const filter = filterOf({ source: "mini-swe-agent", sort: "steps" });
    const order = await listOrder(filter);
    expect(await findNeighbors(order[1], filter)).toEqual({ previous: order[0], next: order[2] });
    const outside = (await listOrder(filterOf({ source: "r2e-gym" })))[0];
    const neighbors = await findNeighbors(outside, filter);
    expect([neighbors!.previous, neighbors!.next].every((id) => id === null || order.includes(id))).toBe(true);
  });

  it("is null for an episode that does not exist", async () => {
    expect(await findNeighbors(2_000_000_000, filterOf({}))).toBeNull();
  });
});
