import { describe, expect, it } from "vitest";
import { splitJsonArray, splitLines, TruncatedJsonError, type SplitResult } from "./split-records";

async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  const buffer = Buffer.from(text);
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function collect(generator: AsyncGenerator<SplitResult>): Promise<SplitResult[]> {
  const out: SplitResult[] = [];
  for await (const item of generator) out.push(item);
  return out;
}

describe("splitLines", () => {
  it("yields non-blank lines with their line numbers, across chunk boundaries", async () => {
    const records = await collect(splitLines(chunks('{"a":1}\r\n\n{"b":"é"}\n  \n{"c":3}', 3), 1000));
    expect(records).toEqual([
      { location: 1, line: 1, text: '{"a":1}' },
      { location: 3, line: 3, text: '{"b":"é"}' },
      { location: 5, line: 5, text: '{"c":3}' },
    ]);
  });

  it("reports an oversized line without buffering it and carries on", async () => {
    const big = "x".repeat(5000);
    const records = await collect(splitLines(chunks(`{"a":1}\n${big}\n{"c":3}\n`, 64), 1000));
    expect(records[1]).toEqual({ location: 2, line: 2, oversized: true, bytes: 5000 });
    expect(records[2]).toEqual({ location: 3, line: 3, text: '{"c":3}' });
  });
});

describe("splitJsonArray", () => {
  it("yields each element, with brackets and commas inside strings ignored", async () => {
    const text = '[\n {"a": "x,]}\\"y"},\n [1, [2]],\n "s",\n 42\n]\n';
    for (const size of [1, 2, 7, 1000]) {
      const records = await collect(splitJsonArray(chunks(text, size), 1000));
      expect(records.map((r) => ("text" in r ? JSON.parse(r.text) : r))).toEqual([{ a: 'x,]}"y' }, [1, [2]], "s", 42]);
      expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    }
  });

  it("handles an empty array", async () => {
    expect(await collect(splitJsonArray(chunks("  [ ]  ", 2), 1000))).toEqual([]);
  });

  it("throws a precise error on truncated input", async () => {
    await expect(collect(splitJsonArray(chunks('[{"a":1},\n{"b":', 4), 1000))).rejects.toThrow(TruncatedJsonError);
    await expect(collect(splitJsonArray(chunks('[{"a":1},\n{"b":', 4), 1000))).rejects.toThrow(/inside element 2/);
    await expect(collect(splitJsonArray(chunks("[1,2", 4), 1000))).rejects.toThrow(/element 2|not closed/);
  });

  it("rejects trailing content after the array", async () => {
    await expect(collect(splitJsonArray(chunks("[1] [2]", 4), 1000))).rejects.toThrow(/after the end/);
  });
});
