import { describe, expect, it } from "vitest";
import { keyRows } from "./keys-dialog";

describe("keyboard reference", () => {
  const keysOf = (rows: [string, string][]) => rows.map(([key]) => key);

  it("lists the review keys for annotators, and n as the queue's next item inside a queue", () => {
    expect(keysOf(keyRows({ canReview: false, isInQueue: false }))).toEqual(["j", "k", "e", "/", "n", "p", "?", "Esc"]);
    expect(keysOf(keyRows({ canReview: true, isInQueue: false }))).toEqual(["j", "k", "e", "/", "n", "p", "?", "0–9", "a / r / c", "Esc"]);
    const inQueue = keyRows({ canReview: true, isInQueue: true });
    expect(keysOf(inQueue)).toEqual(["j", "k", "e", "/", "?", "0–9", "a / r / c", "n", "Esc"]);
    expect(inQueue.find(([key]) => key === "n")?.[1]).toMatch(/queue/);
  });
});
