/**
 * Concurrency on the real database. Fifty annotators claim from one queue with all fifty
 * transactions open at the same moment (each on its own connection), so every claim must get
 * past the others' uncommitted row locks: SKIP LOCKED, not luck, keeps the slots apart. Then they
 * work the queue to the end through the normal functions, claiming concurrently each round.
 * The embedded PGlite runs one session at a time, so it cannot hold fifty transactions open:
 * there the first test is skipped (CI runs against a real server).
 */
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { disconnect, pool, prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createJudgment } from "@/lib/review/judgments/save-judgment";
import { claimNext, claimNextIn } from "@/lib/review/queues/claim";
import { createQueue } from "@/lib/review/queues/manage";
import type { ClaimResult } from "@/lib/review/queues/schema";
import { createRubric } from "@/lib/review/rubrics/rubrics";
import { rubricCreateSchema } from "@/lib/review/rubrics/schema";
import { queueCreateSchema } from "@/lib/review/queues/schema";
import { sampleRubric, seedEpisodes } from "@/lib/review/testing/fixtures";

const run = randomBytes(4).toString("hex");
const ANNOTATORS = 50;
const ITEMS = 10;
const OVERLAP = 3;
let annotators: Actor[];
let queueId: number;

beforeAll(async () => {
  const admin: Actor = { type: "api_key", id: 0, name: `admin-${run}`, role: "admin" };
  annotators = Array.from({ length: ANNOTATORS }, (_, i) => ({ type: "user", id: randomUUID(), email: `claim${i}-${run}@example.com`, name: `claimer ${i}`, role: "annotator" }) as const);
  await prisma.user.createMany({ data: annotators.map((a) => ({ id: a.id as string, email: (a as { email: string }).email, name: a.name, role: "annotator" as const })) });
  const { batchId } = await seedEpisodes(`cc${run}`, ITEMS);
  const rubric = await createRubric(admin, rubricCreateSchema.parse(sampleRubric(`Concurrency ${run}`)));
  const queue = await createQueue(admin, queueCreateSchema.parse({ name: `Concurrency ${run}`, rubricId: rubric.id, query: `batch=${batchId}`, overlap: OVERLAP }));
  queueId = queue.id;
});
afterAll(() => disconnect());

async function submit(actor: Actor, slot: NonNullable<ClaimResult["slot"]>) {
  await createJudgment(actor, slot.episodeId, { queueId, scores: { quality: 3, solves: true }, verdict: "approve", submit: true });
}

describe("claiming concurrently", () => {
  it("gives fifty simultaneous claimers distinct slots, as many as exist", async (context) => {
    const { rows } = await pool.query<{ version: string }>("SELECT version()");
    if (rows[0].version.includes("PGlite")) context.skip();
    const clients = annotators.map(() => new pg.Client({ connectionString: env().DATABASE_URL }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      await Promise.all(clients.map((c) => c.query("BEGIN")));
      const results = await Promise.all(clients.map((c, i) => claimNextIn(c, annotators[i], queueId)));
      await Promise.all(clients.map((c) => c.query("COMMIT")));
      const slots = results.flatMap((r) => (r.slot ? [r.slot.id] : []));
      expect(slots).toHaveLength(ITEMS * OVERLAP);
      expect(new Set(slots).size).toBe(ITEMS * OVERLAP);
      expect(results.filter((r) => r.slot === null)).toHaveLength(ANNOTATORS - ITEMS * OVERLAP);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const held = await pool.query<{ annotatorId: string; n: number }>(
      `SELECT annotator_id AS "annotatorId", count(*)::int AS n FROM queue_slots WHERE queue_id = $1 AND status = 'reserved' GROUP BY 1`,
      [queueId],
    );
    expect(held.rows.every((r) => r.n === 1)).toBe(true);
    expect(held.rows).toHaveLength(ITEMS * OVERLAP);
  });

  it("works the queue to the end: every slot filled once, each item by exactly `overlap` different people", async () => {
    // Those holding a slot submit; then everyone claims at once again, until nobody gets anything.
    for (let round = 0; round < ITEMS + 2; round++) {
      const results = await Promise.all(annotators.map((a) => claimNext(a, queueId)));
      const claimed = results.map((r, i) => [annotators[i], r.slot] as const).filter(([, slot]) => slot !== null);
      if (claimed.length === 0) break;
      const ids = claimed.map(([, slot]) => slot!.id);
      expect(new Set(ids).size).toBe(ids.length);
      await Promise.all(claimed.map(([actor, slot]) => submit(actor, slot!)));
    }
    const slots = await prisma.queueSlot.findMany({ where: { queueId }, include: { item: true } });
    expect(slots).toHaveLength(ITEMS * OVERLAP);
    expect(slots.every((s) => s.status === "submitted" && s.judgmentId !== null)).toBe(true);
    const byItem = new Map<number, string[]>();
    for (const s of slots) byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s.annotatorId!]);
    expect(byItem.size).toBe(ITEMS);
    for (const people of byItem.values()) expect(new Set(people).size).toBe(OVERLAP);
    expect(await prisma.judgment.count({ where: { queueId, status: "submitted" } })).toBe(ITEMS * OVERLAP);
    // Every episode ended approved by agreeing verdicts, with three annotators recorded.
    const episodes = await prisma.episode.findMany({ where: { queueItems: { some: { queueId } } }, select: { annotators: true, reviewStatus: true } });
    expect(episodes.every((e) => e.annotators.length === OVERLAP && e.reviewStatus === "approved")).toBe(true);
  });
});
