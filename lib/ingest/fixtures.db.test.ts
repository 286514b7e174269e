/**
 * Every real fixture imports through the one import path, in one batch, and the database holds
 * what SOURCES.md says each file must yield (parsers are unit-tested field by field; this checks
 * what lands in the tables, including side files attached across files).
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { fixturePath, fixturesDir, hasFixtures } from "@/lib/testing/fixtures";
import { importFiles, type ImportSummary } from "./import-files";

afterAll(() => disconnect());

async function episodeOf(instanceId: string) {
  return prisma.episode.findFirstOrThrow({ where: { instanceId }, include: { content: true } });
}

describe.skipIf(!hasFixtures)("importing ../shared/fixtures", () => {
  let summary: ImportSummary;

  beforeAll(async () => {
    const files = fs.readdirSync(fixturesDir).filter((name) => /^\d\d_/.test(name)).sort();
    summary = await importFiles(files.map((name) => ({ path: fixturePath(name), name })), { source: "cli" });
  });

  it("lands every file with its detected format and no invalid record", () => {
    expect(summary.status).toBe("committed");
    expect(summary.invalid).toBe(0);
    expect(Object.fromEntries(summary.files.map((f) => [f.name.slice(0, 2), f.format]))).toEqual({
      "01": "swe-agent",
      "02": "swebench-predictions",
      "03": "swe-agent",
      "04": "swebench-run-report",
      "05": "mini-swe-agent",
      "06": "swebench-instance-report",
      "07": "mini-swe-agent",
      "08": "swebench-instance-report",
      "09": "mini-swe-agent",
      "10": "openhands",
      "11": "openhands",
      "12": "chat",
    });
    // Another test file may have imported some fixtures already: those count as duplicates.
    const episodeFiles = summary.files.filter((f) => !f.format?.startsWith("swebench"));
    const episodes = episodeFiles.reduce((n, f) => n + f.imported + f.duplicates, 0);
    expect(episodes).toBe(14);
  });

  it("01: SWE-agent 0.x, submitted, 803-char patch, cost and calls", async () => {
    const episode = await episodeOf("pydicom__pydicom-1458");
    expect(episode.formatVersion).toBe("0.x");
    expect(episode.exitStatusClass).toBe("submitted");
    expect(episode.content?.finalPatch?.length).toBe(803);
    expect(episode.costUsd).toBeCloseTo(1.26719, 5);
    expect(episode.apiCalls).toBe(12);
    expect(episode.resolved).toBeNull();
  });

  it("03: SWE-agent 1.0.1 is unresolved through 04's run report", async () => {
    const episode = await episodeOf("pandas-dev__pandas.95280573.pr_53856");
    expect(episode.formatVersion).toBe("1.0.1");
    expect(episode.model).toBe("claude-3-7-sonnet-20250219");
    expect(episode.apiCalls).toBe(17);
    expect(episode.resolved).toBe(false);
    const tools = await prisma.step.count({ where: { episodeId: episode.id, role: "tool" } });
    expect(tools).toBeGreaterThan(0);
  });

  it("05/06: resolved with F2P 1/1 and P2P 58/58", async () => {
    const episode = await episodeOf("django__django-15731");
    expect(episode).toMatchObject({ resolved: true, f2pPass: 1, f2pFail: 0, p2pPass: 58, p2pFail: 0, stepCount: 60, apiCalls: 29 });
    expect(episode.costUsd).toBeCloseTo(0.157, 3);
  });

  it("07/08: a regression, not a stuck loop", async () => {
    const episode = await episodeOf("django__django-16950");
    expect(episode).toMatchObject({ resolved: false, p2pFail: 3, stepCount: 174, apiCalls: 86 });
    expect(episode.qualityFlags).toContain("regression");
    expect(episode.qualityFlags).not.toContain("stuck_loop");
  });

  it("09: an 868 KB patch over 66 files, flagged huge and junk", async () => {
    const episode = await episodeOf("psf__requests-1142");
    expect(episode.patchBytes).toBeGreaterThan(860_000);
    expect(episode.filesTouched).toBe(66);
    expect(episode.qualityFlags).toEqual(expect.arrayContaining(["huge_patch", "junk_in_patch"]));
  });

  it("10: three OpenHands rows, the third hit the iteration limit, and no API key is stored", async () => {
    const rows = await prisma.episode.findMany({ where: { repo: "ponylang/ponyc" }, orderBy: { id: "asc" }, include: { content: true } });
    expect(rows.map((r) => r.stepCount)).toEqual([49, 70, 103]);
    expect(rows[2].exitStatusClass).toBe("limit");
    expect(rows[2].content?.outcome).toMatchObject({ error: expect.stringContaining("maximum iteration") });
    for (const row of rows) expect(JSON.stringify(row.content?.meta)).not.toContain("api_key");
  });

  it("12: five resolved chat rows", async () => {
    const rows = await prisma.episode.findMany({ where: { sourceFormat: "chat", model: "gpt-4o-2024-08-06" } });
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.resolved === true)).toBe(true);
  });

  it("keeps each raw record, compressed, with its sha256 and location", async () => {
    const episode = await episodeOf("django__django-15731");
    const { gunzipSync } = await import("node:zlib");
    const raw = await prisma.episodeContent.findUniqueOrThrow({ where: { episodeId: episode.id } });
    const text = gunzipSync(raw.rawGzip).toString("utf8");
    expect(text).toBe(fs.readFileSync(fixturePath("05_mini-swe-agent-1_django__django-15731.traj.json"), "utf8"));
    expect(raw.sourceLocation).toBe(1);
    expect(raw.rawSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("re-importing every fixture adds nothing", async () => {
    const before = await prisma.episode.count();
    const files = fs.readdirSync(fixturesDir).filter((name) => /^\d\d_/.test(name));
    const again = await importFiles(files.map((name) => ({ path: fixturePath(name), name })), { source: "cli" });
    expect(again.status).toBe("committed");
    expect(again.imported).toBe(0);
    expect(await prisma.episode.count()).toBe(before);
  });
});
