import { describe, expect, it } from "vitest";
import type { AnnotatorStats } from "@/lib/review/stats/schema";
import { periodFromParams, queueFromParams, statsPageQuery, statsQuery } from "./stats-period";
import { annotatorSeries, formatDuration, perDayRows } from "./stats-rows";

function stats(email: string, perDay: AnnotatorStats["perDay"]): AnnotatorStats {
  return {
    annotator: { id: email, name: email.split("@")[0], email },
    submitted: perDay.reduce((n, d) => n + d.items, 0),
    perDay,
    medianSecondsPerItem: 30,
    peerAgreement: { kappa: null, peers: 0, items: 0 },
    gold: { items: 0, correct: 0, accuracy: null },
    verdicts: { approve: 1, reject: 0, needs_changes: 0 },
  };
}

describe("periodFromParams", () => {
  const today = new Date("2025-03-10T15:00:00Z");

  it("ends a preset today, both ends included", () => {
    expect(periodFromParams(new URLSearchParams("days=7"), today)).toEqual({ from: "2025-03-04", to: "2025-03-10", days: 7 });
  });

  it("keeps a valid custom range and drops a bad one", () => {
    expect(periodFromParams(new URLSearchParams("from=2025-01-01&to=2025-01-31"), today)).toEqual({ from: "2025-01-01", to: "2025-01-31", days: null });
    expect(periodFromParams(new URLSearchParams("from=2025-02-01&to=2025-01-01&days=5"), today)).toEqual({ from: "2025-02-09", to: "2025-03-10", days: 30 });
    expect(periodFromParams(new URLSearchParams("from=yesterday&to=2025-01-01"), today).days).toBe(30);
  });

  it("asks the API for the same days", () => {
    expect(statsQuery({ from: "2025-03-04", to: "2025-03-10", days: 7 })).toBe("from=2025-03-04&to=2025-03-10");
    expect(statsQuery({ from: "2025-03-04", to: "2025-03-10", days: 7 }, 12)).toBe("from=2025-03-04&to=2025-03-10&queue=12");
  });

  it("keeps the queue in the page's URL when the period changes; a bad queue means every queue", () => {
    expect(statsPageQuery("days=7", 3)).toBe("days=7&queue=3");
    expect(statsPageQuery("from=2025-01-01&to=2025-01-31", null)).toBe("from=2025-01-01&to=2025-01-31");
    expect(queueFromParams(new URLSearchParams("days=7&queue=3"))).toBe(3);
    for (const bad of ["queue=0", "queue=x", "queue=-2", "queue=99999999999", ""]) expect(queueFromParams(new URLSearchParams(bad))).toBeNull();
  });
});

describe("perDayRows", () => {
  it("gives every day of the period, zero where nobody worked, a column per annotator", () => {
    const items = [stats("ann@x.test", [{ day: "2025-03-02", items: 3 }]), stats("bob@x.test", [{ day: "2025-03-01", items: 1 }, { day: "2025-03-03", items: 2 }])];
    expect(annotatorSeries(items)).toEqual([
      { key: "a0", name: "ann@x.test" },
      { key: "a1", name: "bob@x.test" },
    ]);
    expect(perDayRows(items, { from: "2025-03-01", to: "2025-03-03" })).toEqual([
      { day: "2025-03-01", a0: 0, a1: 1 },
      { day: "2025-03-02", a0: 3, a1: 0 },
      { day: "2025-03-03", a0: 0, a1: 2 },
    ]);
  });
});

describe("formatDuration", () => {
  it("reads like a person would say it", () => {
    expect(formatDuration(44.6)).toBe("45 s");
    expect(formatDuration(200)).toBe("3 min 20 s");
    expect(formatDuration(120)).toBe("2 min");
    expect(formatDuration(7500)).toBe("2 h 5 min");
    expect(formatDuration(null)).toBe("—");
  });
});
