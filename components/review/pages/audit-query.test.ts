import { describe, expect, it } from "vitest";
import { auditFiltersFromParams, auditSearch, changedFields, targetHref } from "./audit-query";

describe("auditFiltersFromParams", () => {
  it("keeps the three filters and drops a target id without a type", () => {
    expect(auditFiltersFromParams(new URLSearchParams("targetType=episode&targetId=12&actorId=u1&x=1"))).toEqual({ targetType: "episode", targetId: "12", actorId: "u1" });
    expect(auditFiltersFromParams(new URLSearchParams("targetId=12"))).toEqual({});
    expect(auditSearch({ targetType: "queue", targetId: "3" }, "99")).toBe("targetType=queue&targetId=3&cursor=99");
  });
});

describe("targetHref", () => {
  it("links targets that have a page", () => {
    expect(targetHref({ targetType: "episode", targetId: "5" })).toBe("/episodes/5");
    expect(targetHref({ targetType: "queue", targetId: "2" })).toBe("/review/queues/2");
    expect(targetHref({ targetType: "episodes", targetId: null })).toBeNull();
  });
});

describe("changedFields", () => {
  it("lists what changed, as text, cut when long", () => {
    const changes = changedFields({ verdict: null, reason: "", version: 1 }, { verdict: "reject", reason: "x".repeat(300), version: 1 });
    expect(changes.map((c) => c.field)).toEqual(["verdict", "reason"]);
    expect(changes[0]).toEqual({ field: "verdict", before: "—", after: "reject" });
    expect(changes[1].after).toHaveLength(160);
  });

  it("lists every field a creation set", () => {
    expect(changedFields(null, { name: "Q", overlap: 2, queueId: null })).toEqual([
      { field: "name", before: "—", after: "Q" },
      { field: "overlap", before: "—", after: "2" },
    ]);
  });
});
