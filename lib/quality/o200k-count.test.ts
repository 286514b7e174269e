import fs from "node:fs";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { fixturePath, hasFixtures } from "@/lib/testing/fixtures";
import { createO200kCounter, LONG_PIECE } from "./o200k-count";
import { forEachTokenChunk, startsNewChunk } from "./token-chunks";

const exact = (text: string) => countTokens(text, { disallowedSpecial: new Set() });

/** Deterministic pseudo-random text over characters that stress every split-regex branch. */
function tricky(seed: number, length: number): string {
  const alphabet = ["a", "Z", "q", "HTTP", "Server", "don", "'", "'s", "'LL", "'ve", "7", "123456", " ", "  ", "\t", "\n", "\r\n", "\n\n", " \n ", "/", "//", ";", "(", ")", "->", "é", "—", "日本", "\u00a0", "\u2028", "<|endoftext|>", "\v", "\f", "\u0001"];
  let x = seed;
  let out = "";
  while (out.length < length) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

describe("forEachTokenChunk", () => {
  it("covers the text with consecutive chunks", () => {
    const text = tricky(1, 5000);
    const ranges: [number, number][] = [];
    forEachTokenChunk(text, (s, e) => ranges.push([s, e]));
    expect(ranges[0][0]).toBe(0);
    expect(ranges[ranges.length - 1][1]).toBe(text.length);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
    expect(ranges.length).toBeGreaterThan(10);
  });

  it.each([
    ["blank lines", "a\n\nb\n \n\tc"],
    ["a slash opening the next line", "x;\n// comment\n/* c */"],
    ["indented lines", "def f():\n    return 1\n\tpass\n"],
    ["CRLF", "a\r\nb\r\n\r\n c"],
    ["unicode spaces", "a\n\u00a0b\n\u2028c\n\u3000d"],
    ["trailing indentation", "a\n   "],
  ])("chunks sum to the exact count: %s", (_name, text) => {
    let sum = 0;
    forEachTokenChunk(text, (s, e) => (sum += exact(text.slice(s, e))));
    expect(sum).toBe(exact(text));
  });
});

describe("startsNewChunk", () => {
  it("says when a text's tokens add up after a line", () => {
    let starts = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const text = tricky(seed, 20 + (seed % 5) * 40);
      const head = `File: dir/f${seed}.py\n\n`;
      if (!startsNewChunk(text)) continue;
      starts++;
      expect(exact(head + text), `seed ${seed}`).toBe(exact(head) + exact(text));
    }
    expect(starts).toBeGreaterThan(100);
    for (const text of ["", "\nx", " \nx", "\r\n", "/x", "\u00a0x"]) expect(startsNewChunk(text), JSON.stringify(text)).toBe(false);
    for (const text of ["x", " x", "\tx", "  ", " /x", "é"]) {
      expect(startsNewChunk(text), JSON.stringify(text)).toBe(true);
      expect(exact(`File: a\n\n${text}`), JSON.stringify(text)).toBe(exact("File: a\n\n") + exact(text));
    }
  });
});

describe("createO200kCounter", () => {
  it("matches gpt-tokenizer on random tricky text", () => {
    const count = createO200kCounter();
    for (let seed = 1; seed <= 300; seed++) {
      const text = tricky(seed, 50 + (seed % 7) * 100);
      expect(count(text), `seed ${seed}`).toBe(exact(text));
    }
  });

  it("matches on mostly-ASCII text and stays exact when warm", () => {
    const count = createO200kCounter();
    const ascii = (seed: number) => tricky(seed, 2000).replace(/[^\x00-\x7f]/g, "x");
    for (let seed = 1; seed <= 100; seed++) expect(count(ascii(seed))).toBe(exact(ascii(seed)));
    for (let seed = 1; seed <= 100; seed++) expect(count(ascii(seed))).toBe(exact(ascii(seed)));
  });

  // Quadratic BPE took 29 s on the 200,000-character run: this test would time out, not assert.
  it("counts an unbroken 200,000-character run in windows, within a token per window", () => {
    const count = createO200kCounter();
    for (const run of ["A".repeat(200_000), "é".repeat(60_000), "x".repeat(5_000)]) {
      const n = count(`before ${run} after`);
      const windows = Math.ceil(run.length / LONG_PIECE);
      const exact = windows <= 5 ? countTokens(`before ${run} after`) : null;
      if (exact !== null) expect(Math.abs(n - exact)).toBeLessThanOrEqual(windows);
      expect(n).toBeGreaterThan(0);
    }
  });

  it("handles empty and special-token text", () => {
    const count = createO200kCounter();
    expect(count("")).toBe(0);
    expect(count("a <|endoftext|> b")).toBe(exact("a <|endoftext|> b"));
  });
});

describe.skipIf(!hasFixtures)("createO200kCounter on real trajectories", () => {
  it.each(["07_mini-swe-agent-1_django__django-16950.traj.json", "10_openhands-v0_multi-swe-bench_output.jsonl"])(
    "equals gpt-tokenizer on every string of %s",
    (name) => {
      const strings: string[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === "string") strings.push(v);
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === "object") Object.values(v).forEach(walk);
      };
      const raw = fs.readFileSync(fixturePath(name), "utf8");
      if (name.endsWith(".jsonl")) raw.split("\n").filter(Boolean).forEach((line) => walk(JSON.parse(line)));
      else walk(JSON.parse(raw));
      const count = createO200kCounter();
      const mismatches = strings.filter((s) => count(s) !== exact(s));
      expect(strings.length).toBeGreaterThan(100);
      expect(mismatches.slice(0, 3).map((s) => s.slice(0, 80))).toEqual([]);
    },
  );
});
