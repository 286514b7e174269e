/** Locates the shared real-world fixtures (`../shared/fixtures` beside the checkout). */
import fs from "node:fs";
import path from "node:path";

export const fixturesDir = path.resolve(
  process.env.ATELIER_FIXTURES_DIR ?? path.join(__dirname, "..", "..", "..", "shared", "fixtures"),
);

export const hasFixtures = fs.existsSync(fixturesDir);

export function fixturePath(name: string): string {
  return path.join(fixturesDir, name);
}

export function readFixtureJson(name: string): unknown {
  return JSON.parse(fs.readFileSync(fixturePath(name), "utf8"));
}

/** Every non-empty line of a JSONL fixture, parsed. */
export function readFixtureJsonl(name: string): unknown[] {
  return fs
    .readFileSync(fixturePath(name), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}
