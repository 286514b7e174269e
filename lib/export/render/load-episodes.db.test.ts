import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/auth/users";
import { disconnect, pool, prisma } from "@/lib/db";
import { importFiles } from "@/lib/ingest/import-files";
import { createMask, getEffectiveMasks } from "@/lib/review/masks/masks";
import { seedEpisodes } from "@/lib/review/testing/fixtures";
import { loadExportEpisodes, streamExportEpisodes } from "./load-episodes";

afterAll(() => disconnect());

const run = `load${Date.now().toString(36)}`;
let looping: number;
let plain: number;
let actor: Actor;

beforeAll(async () => {
  const { ids } = await seedEpisodes(run, 2);
  [looping, plain] = ids;
  const user = await createUser({ email: `masker-${run}@example.com`, role: "reviewer", name: "Masker" });
  actor = { type: "user", id: user.id, email: user.email, name: "Masker", role: "reviewer" };
  // A SWE-bench predictions file supplies the patch the trajectory did not record.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-render-preds-"));
  const file = path.join(dir, "preds.jsonl");
  fs.writeFileSync(file, JSON.stringify({ instance_id: `${run}__review-1`, model_name_or_path: `${run}/model`, model_patch: "diff --git a/x b/x\n" }) + "\n");
  await importFiles([{ path: file }], { source: "cli" });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("loadExportEpisodes", () => {
  it("loads episodes with contents and ordered, typed steps; unknown ids are absent", async () => {
    const loaded = await loadExportEpisodes([plain, looping, 2_000_000_000], { useProposedMasks: false });
    expect([...loaded.keys()].sort()).toEqual([looping, plain].sort());
    const episode = loaded.get(plain)!;
    const stored = await prisma.episode.findUniqueOrThrow({ where: { id: plain }, include: { content: true } });
    expect(episode).toMatchObject({
      id: plain,
      kind: "environmental",
      sourceFormat: "mini-swe-agent",
      instanceId: `${run}__review-1`,
      model: `${run}/model`,
      reviewStatus: "pending",
      labels: [],
      taskText: stored.content!.taskText,
      finalPatch: "diff --git a/x b/x\n",
      pullRequest: null,
    });
    expect(episode.steps.map((s) => s.idx)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(episode.steps.map((s) => s.role)).toEqual(["system", "user", "assistant", "tool", "assistant", "tool"]);
    expect(episode.steps[2].parts).toEqual([
      { type: "reasoning", text: "THOUGHT: step 0" },
      { type: "tool_call", name: "bash", arguments: { command: "ls dir0" } },
    ]);
    expect(episode.steps.every((s) => s.mask === "train")).toBe(true);
  });

  it("applies people's masks always and pending proposals only when asked", async () => {
    await createMask(actor, looping, { startStep: 0, endStep: 0, mask: "context", reason: "" });
    await createMask(actor, looping, { startStep: 2, endStep: 3, mask: "drop", reason: "" });
    const shown = (await getEffectiveMasks(looping)).steps;
    expect(shown.some((s) => s.source === "proposal")).toBe(true);

    const withProposals = (await loadExportEpisodes([looping], { useProposedMasks: true })).get(looping)!;
    expect(withProposals.steps.map((s) => s.mask)).toEqual(shown.map((s) => s.mask));

    const without = (await loadExportEpisodes([looping], { useProposedMasks: false })).get(looping)!;
    expect(without.steps.map((s) => s.mask)).toEqual(shown.map((s) => (s.source === "proposal" ? "train" : s.mask)));
    expect(without.steps.slice(0, 4).map((s) => s.mask)).toEqual(["context", "train", "drop", "drop"]);
  });

  it("streams one item per id in the order given, whatever the chunk and read sizes: repeats read again, unknown ids undefined", async () => {
    const ids = [plain, 2_000_000_000, looping, looping, plain, 2_000_000_001, plain];
    const whole = await loadExportEpisodes([plain, looping], { useProposedMasks: false });
    for (const sizes of [{ chunk: 1, rowsPerRead: 1 }, { chunk: 2, rowsPerRead: 3 }, { chunk: 3, rowsPerRead: 500 }, {}]) {
      const seen: (number | undefined)[] = [];
      for await (const episode of streamExportEpisodes(ids, { useProposedMasks: false }, sizes)) {
        seen.push(episode?.id);
        if (episode) expect(episode.steps).toEqual(whole.get(episode.id)!.steps);
      }
      expect(seen).toEqual([plain, undefined, looping, looping, plain, undefined, plain]);
    }
  });

  it("gives its connection back when the reader stops early", async () => {
    for (let i = 0; i < 12; i++) {
      for await (const episode of streamExportEpisodes([plain, looping, plain], { useProposedMasks: false }, { rowsPerRead: 2 })) {
        expect(episode?.id).toBe(plain);
        break;
      }
    }
    // The pool holds at most 10: a leaked connection per stop would leave this query waiting.
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    expect(pool.waitingCount).toBe(0);
  });
});
