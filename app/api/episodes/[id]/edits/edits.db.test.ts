import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { disconnect, prisma } from "@/lib/db";
import { fixtureEpisodes, partsWithSteps } from "@/lib/diff/fixture-episodes";
import type { EpisodeEdits } from "@/lib/diff/edit-actions";
import { replayEdits } from "@/lib/diff/repo-state";
import { importFiles } from "@/lib/ingest/import-files";
import { fixturePath, hasFixtures } from "@/lib/testing/fixtures";
import { GET } from "./route";

const openHands = "12_swe-gym_openhands-sampled-trajectories_5rows.json";
const miniSweAgent = "05_mini-swe-agent-1_django__django-15731.traj.json";
const sweAgentV0 = "01_swe-agent-v0_pydicom__pydicom-1458.traj";
let key: string;

beforeAll(async () => {
  key = (await createApiKey({ name: `edits-test-${randomBytes(4).toString("hex")}`, role: "viewer" })).key;
  // Another test file may have imported these fixtures already; duplicates are fine.
  if (hasFixtures) await importFiles([openHands, miniSweAgent, sweAgentV0].map((name) => ({ path: fixturePath(name), name })), { source: "cli" });
});
afterAll(() => disconnect());

async function episodeId(sourceFile: string, sourceLocation: number): Promise<number> {
  const content = await prisma.episodeContent.findFirstOrThrow({ where: { sourceFile, sourceLocation }, select: { episodeId: true } });
  return content.episodeId;
}

function call(id: number | string, auth = true) {
  return GET(new Request(`http://test/api/episodes/${id}/edits`, { headers: auth ? { authorization: `Bearer ${key}` } : {} }), {
    params: Promise.resolve({ id: String(id) }),
  });
}

describe.skipIf(!hasFixtures)("GET /api/episodes/:id/edits", () => {
  it("returns the editor calls, their edits and answers in step order, enough to replay the files as from the whole episode", async () => {
    const response = await call(await episodeId(openHands, 5));
    expect(response.status).toBe(200);
    const body: EpisodeEdits = await response.json();
    const episode = fixtureEpisodes(openHands)[4];
    expect(body.finalPatch).toBe(episode.finalPatch);
    expect(body.truncated).toBe(false);
    expect(body.baseFiles).toEqual([]);
    const steps = body.edits.map((e) => e.stepIdx);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(body.edits.filter((e) => e.part.type === "file_edit").map((e) => e.stepIdx)).toEqual([10, 16, 20, 24, 26, 30, 32, 36, 38, 58]);
    // Shell commands that change no file, and their output, are left out.
    expect(body.edits.some((e) => e.part.type === "tool_call" && e.part.name === "execute_bash")).toBe(false);
    expect(body.edits.some((e) => e.part.type === "observation" && e.part.toolName === "execute_bash")).toBe(false);
    expect(new Set(body.edits.map((e) => e.part.type))).toEqual(new Set(["tool_call", "file_edit", "observation"]));
    expect(replayEdits(body.edits, { finalPatch: body.finalPatch })).toEqual(replayEdits(partsWithSteps(episode), { finalPatch: episode.finalPatch }));
  });

  it("a shell-only episode yields the commands that name file changes", async () => {
    const body: EpisodeEdits = await (await call(await episodeId(miniSweAgent, 1))).json();
    const commands = body.edits.map((e) => (e.part.type === "tool_call" ? String(e.part.arguments.command).split("\n")[0] : e.part.type));
    expect(commands).toEqual([
      "cat <<'EOF' > reproduce_issue.py",
      "sed -i '1s/^/import functools\\n/' django/db/models/manager.py",
      "cat <<'EOF' > django/db/models/manager_patch.py",
      'python3 -c "',
      "cat <<'EOF' >> reproduce_issue.py",
      "cat <<'EOF' >> reproduce_issue.py",
      "rm reproduce_issue.py django/db/models/manager_patch.py",
      "cat <<'EOF' >> tests/managers_regress/tests.py",
    ]);
  });

  it("every imported run replays from the endpoint's records as from the whole episode", async () => {
    for (const [name, location, index] of [[miniSweAgent, 1, 0], [sweAgentV0, 1, 0], [openHands, 1, 0]] as const) {
      const body: EpisodeEdits = await (await call(await episodeId(name, location))).json();
      const episode = fixtureEpisodes(name)[index];
      const expected = replayEdits(partsWithSteps(episode), { finalPatch: episode.finalPatch });
      expect(expected.files.length, name).toBeGreaterThan(0);
      expect(replayEdits(body.edits, { finalPatch: body.finalPatch }), name).toEqual(expected);
    }
  });

  it("404 for an unknown episode, 422 for a bad id, 401 without credentials", async () => {
    expect((await call(2_000_000_000)).status).toBe(404);
    expect((await call("abc")).status).toBe(422);
    expect((await call(1, false)).status).toBe(401);
  });
});
