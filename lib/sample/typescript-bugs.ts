/**
 * TypeScript bugs for pull-request samples; regression tests are Vitest `it` blocks.
 */
import type { BugTemplate } from "./bug-template";

const ts = (key: string, names: string[], build: BugTemplate["build"]): BugTemplate => ({ key, language: "typescript", names, build });

export const typescriptBugs: readonly BugTemplate[] = [
  ts("chunk-tail", ["chunk", "batch", "splitIntoChunks"], (fn) => ({
    lines: [
      `export function ${fn}<T>(items: readonly T[], size: number): T[][] {`,
      '  if (size <= 0) throw new RangeError("size must be positive");',
      "  const chunks: T[][] = [];",
      "  for (let start = 0; start + size <= items.length; start += size) {",
      "    chunks.push(items.slice(start, start + size));",
      "  }",
      "  return chunks;",
      "}",
    ],
    fixes: [{ start: 3, end: 4, replacement: ["  for (let start = 0; start < items.length; start += size) {"] }],
    imports: [],
    title: `${fn}() drops the trailing partial chunk`,
    description: `\`${fn}([1, 2, 3, 4, 5], 2)\` returns two chunks; the element \`5\` disappears.`,
    test: [`it("keeps the last partial chunk", () => {`, `  expect(${fn}([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);`, "});"],
  })),
  ts("fractional-duration", ["parseDuration", "toMilliseconds", "durationMs"], (fn) => ({
    lines: [
      "const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };",
      "",
      `export function ${fn}(text: string): number {`,
      "  const match = /^(\\d+)(ms|s|m|h)$/.exec(text.trim());",
      "  if (!match) throw new Error(`invalid duration: ${text}`);",
      "  return Number(match[1]) * UNITS[match[2]];",
      "}",
    ],
    fixes: [{ start: 3, end: 4, replacement: ["  const match = /^(\\d+(?:\\.\\d+)?)(ms|s|m|h)$/.exec(text.trim());"] }],
    imports: [],
    title: `${fn} rejects fractional values such as "1.5s"`,
    description: `Timeouts copied from other tools are often fractional; \`${fn}("1.5s")\` throws \`invalid duration\`.`,
    test: [`it("accepts fractional durations", () => {`, `  expect(${fn}("1.5s")).toBe(1500);`, "});"],
  })),
  ts("uncapped-backoff", ["backoffDelay", "retryDelay", "nextDelay"], (fn) => ({
    lines: [
      `export function ${fn}(attempt: number, baseMs = 100, maxMs = 30_000): number {`,
      "  const delay = baseMs * 2 ** attempt;",
      "  return delay;",
      "}",
    ],
    fixes: [{ start: 2, end: 3, replacement: ["  return Math.min(delay, maxMs);"] }],
    imports: [],
    title: `${fn} ignores maxMs`,
    description: `After ~20 attempts the client waits for days: \`maxMs\` is accepted but never applied.`,
    test: [`it("caps the delay at maxMs", () => {`, `  expect(${fn}(30, 100, 5_000)).toBe(5_000);`, "});"],
  })),
  ts("query-encoding", ["toQueryString", "buildQuery", "encodeParams"], (fn) => ({
    lines: [
      `export function ${fn}(params: Record<string, string | number | undefined>): string {`,
      "  return Object.entries(params)",
      "    .map(([key, value]) => `${key}=${value}`)",
      '    .join("&");',
      "}",
    ],
    fixes: [
      {
        start: 2,
        end: 3,
        replacement: [
          "    .filter(([, value]) => value !== undefined)",
          "    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)",
        ],
      },
    ],
    imports: [],
    title: `${fn} sends "undefined" and does not escape values`,
    description: "Optional params end up as `?page=undefined`, and values containing `&` or spaces corrupt the query.",
    test: [`it("skips undefined and escapes values", () => {`, `  expect(${fn}({ q: "a&b c", page: undefined })).toBe("q=a%26b%20c");`, "});"],
  })),
];
