import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/record";
import { disconnect } from "@/lib/db";
import { call, seedEpisodes, sampleRubric, signIn, type Caller } from "@/lib/review/testing/fixtures";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { POST as postJudgment } from "../episodes/[id]/review/judgments/route";
import { GET as getRubric, PATCH as patchRubric } from "./[id]/route";
import { GET as listRubrics, POST as postRubric } from "./route";
import { GET as getVersion } from "./versions/[id]/route";

const run = randomBytes(4).toString("hex");
let admin: Caller;
let ann: Caller;
let episodes: number[];

beforeAll(async () => {
  admin = await signIn("admin", "admin", run);
  ann = await signIn("ann", "annotator", run);
  episodes = (await seedEpisodes(`rub${run}`, 2)).ids;
});
afterAll(() => disconnect());

async function create(name: string): Promise<Rubric> {
  const response = await call<Rubric>(postRubric, admin, { method: "POST", body: sampleRubric(name) });
  expect(response.status).toBe(201);
  return response.body;
}

describe("rubrics", () => {
  it("creates version 1 with typed dimensions and defaults, and audits it", async () => {
    const rubric = await create(`Quality ${run}`);
    expect(rubric.current).toMatchObject({ version: 1, isUsed: false, instructions: expect.stringContaining("# Judge") });
    expect(rubric.current.dimensions.map((d) => [d.key, d.type, d.required])).toEqual([
      ["quality", "ordinal", true],
      ["solves", "boolean", true],
      ["issue", "single_choice", false],
      ["tags", "multi_choice", false],
      ["notes", "text", false],
    ]);
    expect(rubric.createdBy).toMatchObject({ email: admin.email });
    const [event] = await listAudit({ targetType: "rubric", targetId: rubric.id });
    expect(event).toMatchObject({ action: "rubric.create", actor: admin.email, after: { name: `Quality ${run}`, version: 1 } });
    const listed = await call<{ items: Rubric[] }>(listRubrics, ann);
    expect(listed.body.items.map((r) => r.id)).toContain(rubric.id);
  });

  it("refuses malformed dimensions with the reason (422)", async () => {
    const bad = sampleRubric(`Bad ${run}`);
    bad.dimensions[0] = { ...bad.dimensions[0], points: [{ value: 3, label: "a", description: "" }, { value: 1, label: "b", description: "" }] } as never;
    const response = await call(postRubric, admin, { method: "POST", body: bad });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toContain("increasing order");
    const duplicate = sampleRubric(`Dup ${run}`);
    duplicate.dimensions[1] = { ...duplicate.dimensions[1], key: "quality" } as never;
    expect((await call(postRubric, admin, { method: "POST", body: duplicate })).status).toBe(422);
  });

  it("edits an unused version in place, but a used one only by making the next version", async () => {
    const rubric = await create(`Versioned ${run}`);
    const inPlace = await call<Rubric>(patchRubric, admin, { method: "PATCH", params: { id: rubric.id }, body: { instructions: "Be strict." } });
    expect(inPlace.status).toBe(200);
    expect(inPlace.body.current).toMatchObject({ id: rubric.current.id, version: 1, instructions: "Be strict." });

    const judged = await call(postJudgment, ann, { method: "POST", params: { id: episodes[0] }, body: { rubricVersionId: rubric.current.id, scores: { quality: 2 } } });
    expect(judged.status).toBe(201);

    const dims = sampleRubric("x").dimensions.slice(0, 2);
    const next = await call<Rubric>(patchRubric, admin, { method: "PATCH", params: { id: rubric.id }, body: { dimensions: dims, name: `Versioned v2 ${run}` } });
    expect(next.status).toBe(200);
    expect(next.body.name).toBe(`Versioned v2 ${run}`);
    expect(next.body.current.version).toBe(2);
    expect(next.body.current.dimensions).toHaveLength(2);
    expect(next.body.current.instructions).toBe("Be strict.");
    expect(next.body.versions.map((v) => [v.version, v.judgments])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    // Version 1 is exactly what the judgment was given under.
    const v1 = await call(getVersion, ann, { params: { id: rubric.current.id } });
    expect(v1.body).toMatchObject({ version: 1, isUsed: true, instructions: "Be strict." });
    expect(v1.body.dimensions).toHaveLength(5);
    const events = await listAudit({ targetType: "rubric", targetId: rubric.id });
    expect(events.map((e) => [e.action, e.meta.isNewVersion])).toEqual([
      ["rubric.update", true],
      ["rubric.update", false],
      ["rubric.create", undefined],
    ]);
    expect(events[0]).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
    expect((await call(getRubric, ann, { params: { id: rubric.id } })).body.current.version).toBe(2);
  });

  it("keeps names unique (409) and unknown ids 404", async () => {
    await create(`Unique ${run}`);
    const again = await call(postRubric, admin, { method: "POST", body: sampleRubric(`Unique ${run}`) });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("already exists");
    expect((await call(getRubric, ann, { params: { id: 999999 } })).status).toBe(404);
  });
});
