import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { disconnect, pool } from "@/lib/db";
import { listAudit, recordAudit } from "./record";
import { withTransaction } from "./transaction";

const run = randomBytes(4).toString("hex");
const targetType = `audit-test-${run}`;
const user: Actor = { type: "user", id: `user-${run}`, email: `ann-${run}@example.com`, name: "Ann", role: "reviewer" };
const key: Actor = { type: "api_key", id: 7, name: `nightly-${run}`, role: "reviewer" };

afterAll(() => disconnect());

describe("recordAudit", () => {
  it("writes who, what, before and after; users by id and email, keys by name", async () => {
    await withTransaction(async (client) => {
      await recordAudit(client, { actor: user, action: "thing.update", targetType, targetId: 1, before: { name: "a" }, after: { name: "b" }, meta: { why: "test" } });
      await recordAudit(client, { actor: key, action: "thing.delete", targetType, targetId: 1, before: { name: "b" } });
    });
    const events = await listAudit({ targetType, targetId: 1 });
    expect(events.map((e) => [e.action, e.actor, e.actorId])).toEqual([
      ["thing.delete", `key:nightly-${run}`, null],
      ["thing.update", user.email, user.id],
    ]);
    expect(events[1]).toMatchObject({ targetId: "1", before: { name: "a" }, after: { name: "b" }, meta: { why: "test" } });
    expect(events[0]).toMatchObject({ after: null, meta: {} });
    expect(events[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("rolls back with the caller's transaction", async () => {
    await expect(
      withTransaction(async (client) => {
        await recordAudit(client, { actor: user, action: "thing.create", targetType, targetId: 2 });
        throw new Error("the change failed after the event was written");
      }),
    ).rejects.toThrow("the change failed");
    expect(await listAudit({ targetType, targetId: 2 })).toEqual([]);
  });

  it("cannot be rewritten: UPDATE and DELETE do nothing", async () => {
    await withTransaction((client) => recordAudit(client, { actor: user, action: "thing.create", targetType, targetId: 3, after: { v: 1 } }));
    await pool.query(`UPDATE audit_events SET action = 'forged', after = '{"v": 2}' WHERE target_type = $1`, [targetType]);
    await pool.query(`DELETE FROM audit_events WHERE target_type = $1`, [targetType]);
    const events = await listAudit({ targetType, targetId: 3 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "thing.create", after: { v: 1 } });
  });

  it("lists a whole target type newest first by number, up to the limit", async () => {
    const manyType = `${targetType}-many`;
    await withTransaction(async (client) => {
      for (let i = 0; i < 12; i++) await recordAudit(client, { actor: key, action: "thing.touch", targetType: manyType, meta: { i } });
    });
    const events = await listAudit({ targetType: manyType, limit: 11 });
    expect(events.map((e) => e.meta.i)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });
});
