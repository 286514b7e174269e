import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/sample/random";
import { canonicalJson } from "./fingerprint";

/** The definition: JSON.stringify with every object's keys sorted (the general way canonicalJson keeps). */
function reference(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

const keyPool = ["command", "path", "a", "B", "é", "", "10", "9", "0", "__proto__", "x y", '"q"', "\u2028", "😀", "old_str", "new_str"];

function randomValue(rng: () => number, depth: number): unknown {
  const pick = Math.floor(rng() * (depth > 3 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rng() < 0.5;
    case 2:
      return [0, -0, 1.5, -7, 1e21, 2 ** 53, NaN][Math.floor(rng() * 7)];
    case 3:
      return ["", "line\nnext", 'q"uote\\', "\u0000\u001f\u007f", "é😀\ud800", "<script>"][Math.floor(rng() * 6)];
    case 4:
      return undefined;
    case 5:
      return "plain";
    case 6:
      return Array.from({ length: Math.floor(rng() * 4) }, () => randomValue(rng, depth + 1));
    default:
      return JSON.parse(JSON.stringify(Object.fromEntries(Array.from({ length: Math.floor(rng() * 5) }, () => [keyPool[Math.floor(rng() * keyPool.length)], randomValue(rng, depth + 1)])))) as unknown;
  }
}

describe("canonicalJson", () => {
  it("sorts keys at every level", () => {
    expect(canonicalJson({ path: "/a", command: "view", view_range: [1, { b: 2, a: 1 }] })).toBe('{"command":"view","path":"/a","view_range":[1,{"a":1,"b":2}]}');
  });

  it("gives the reference text for any JSON value, including index-like and __proto__ keys, undefined and non-plain values", () => {
    const rng = createRng(7).next;
    for (let i = 0; i < 5000; i++) {
      const value = randomValue(rng, 0);
      expect(canonicalJson(value)).toBe(reference(value));
    }
    const odd = [{ "10": 1, "9": 2, a: 3 }, JSON.parse('{"__proto__": {"x": 1}, "b": 2}'), { when: new Date(0), f: () => 1, u: undefined }, [undefined, () => 1], new Map([["a", 1]]), Object.create(null)];
    for (const value of odd) expect(canonicalJson(value)).toBe(reference(value));
  });
});
