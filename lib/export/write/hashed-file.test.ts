import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { HashedFile } from "./hashed-file";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-hashed-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it.each([
  ["", {}],
  [" while syncing in the background", { syncEveryBytes: 100_000 }],
])("writes text and bytes in order, across chunk boundaries, and hashes and counts exactly what it wrote%s", async (_name, options) => {
  const file = path.join(dir, "out");
  const hashed = await HashedFile.create(file, options);
  const pieces: (string | Uint8Array)[] = [];
  for (let i = 0; i < 400; i++) {
    // Short lines, multi-byte text near a chunk's end, texts longer than a chunk, raw bytes between.
    // (The second: fewer characters than a chunk has bytes, more bytes.)
    const text = i % 97 === 0 ? "é😀x".repeat(300_000) : i % 101 === 0 ? "日本".repeat(200_000) : i % 13 === 0 ? "日本".repeat(20_000 + i) : `{"line":${i},"text":"${"ab\n".repeat(i)}"}\n`;
    pieces.push(text);
    await hashed.writeText(text);
    if (i % 50 === 0) {
      const bytes = new Uint8Array([i % 256, 0, 255]);
      pieces.push(bytes);
      await hashed.write(bytes);
    }
  }
  const closed = await hashed.close();
  const expected = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p)));
  const written = fs.readFileSync(file);
  expect(written.equals(expected)).toBe(true);
  expect(closed).toEqual({ bytes: expected.length, sha256: createHash("sha256").update(expected).digest("hex") });
});
