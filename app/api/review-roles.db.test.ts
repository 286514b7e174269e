/**
 * The role matrix: every mutating route of the review slice, and the existing mutating routes,
 * called as anonymous, viewer, annotator, reviewer and admin. Below the route's role the answer is
 * 401 (anonymous) or 403 in the standard error shape; from it up, the call succeeds. Each allowed
 * caller works on their own fixture (their own judgment, comment, slot, view…).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, type Role } from "@/lib/auth/roles";
import { disconnect, pool, prisma } from "@/lib/db";
import { createExportJob } from "@/lib/export/jobs/jobs";
import { recipeSchema } from "@/lib/export/recipe/schema";
import type { SavedRecipe } from "@/lib/export/recipes/schema";
import type { ClaimResult, Queue } from "@/lib/review/queues/schema";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { anonymous, call, sampleRubric, seedEpisodes, signIn, type Caller } from "@/lib/review/testing/fixtures";
import { waitForExport } from "@/lib/testing/export-jobs";
import * as commentItem from "./episodes/[id]/comments/[commentId]/route";
import * as comments from "./episodes/[id]/comments/route";
import * as maskItem from "./episodes/[id]/masks/[maskId]/route";
import * as maskConfirm from "./episodes/[id]/masks/confirm/route";
import * as masks from "./episodes/[id]/masks/route";
import * as adjudication from "./episodes/[id]/review/adjudication/route";
import * as judgmentItem from "./episodes/[id]/review/judgments/[judgmentId]/route";
import * as judgments from "./episodes/[id]/review/judgments/route";
import * as bulkPreview from "./episodes/bulk/preview/route";
import * as bulk from "./episodes/bulk/route";
import * as exportRecipeItem from "./export-recipes/[id]/route";
import * as exportRecipes from "./export-recipes/route";
import * as exportCancel from "./exports/[id]/cancel/route";
import * as exportResume from "./exports/[id]/resume/route";
import * as exportPreview from "./exports/preview/route";
import * as exportsRoute from "./exports/route";
import * as importItem from "./imports/[id]/route";
import * as imports from "./imports/route";
import * as queueItem from "./queues/[id]/route";
import * as gold from "./queues/[id]/gold/route";
import * as next from "./queues/[id]/next/route";
import * as release from "./queues/[id]/slots/[slotId]/release/route";
import * as skip from "./queues/[id]/slots/[slotId]/skip/route";
import * as queues from "./queues/route";
import * as rubricItem from "./rubrics/[id]/route";
import * as rubrics from "./rubrics/route";
import * as viewItem from "./views/[id]/route";
import * as views from "./views/route";

const run = randomBytes(4).toString("hex");
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-roles-exports-"));
process.env.ATELIER_EXPORT_DIR = exportDir;
const who = ["anonymous", "viewer", "annotator", "reviewer", "admin"] as const;
type Who = (typeof who)[number];
const callers = {} as Record<Who, Caller>;

let rubric: Rubric;
let episodes: number[];
let batchId: number;
let savedRecipe: SavedRecipe;
const queueOf = {} as Record<"work" | "next" | "skip" | "release", Queue>;

type Response = { status: number; body: any };
type Case = { route: string; role: Role; request: (caller: Caller, as: Who) => Promise<Response> };

beforeAll(async () => {
  callers.anonymous = anonymous;
  for (const role of ["viewer", "annotator", "reviewer", "admin"] as const) callers[role] = await signIn(`m-${role}`, role, run);
  ({ ids: episodes, batchId } = await seedEpisodes(`roles${run}`, 4));
  rubric = (await call<Rubric>(rubrics.POST, callers.admin, { method: "POST", body: sampleRubric(`Roles ${run}`) })).body;
  for (const name of ["work", "next", "skip", "release"] as const) {
    const created = await call<Queue>(queues.POST, callers.admin, { method: "POST", body: { name: `Roles ${name} ${run}`, rubricId: rubric.id, query: `batch=${batchId}`, overlap: 5 } });
    queueOf[name] = created.body;
  }
  savedRecipe = (await call<SavedRecipe>(exportRecipes.POST, callers.admin, { method: "POST", body: { recipe: exportRecipe(`Roles recipe ${run}`) } })).body;
});
afterAll(async () => {
  fs.rmSync(exportDir, { recursive: true, force: true });
  await disconnect();
});

/** A small export of the seeded episodes, whatever their review state by then. */
function exportRecipe(name: string) {
  return { name, components: [{ name: "all", filter: `batch=${batchId}`, reviewStatus: ["pending", "approved", "rejected", "needs_changes"] }], split: { validation: 0 } };
}

/** Waits for an export a call started, so none is still writing when the test ends. */
async function finished(response: { status: number; body: any }, id?: number) {
  if (response.status < 300) expect((await waitForExport(id ?? response.body.id)).status).toBe("done");
  return response;
}

/** Something the caller owns, made as them (only called for roles allowed to make it). */
const own = {
  judgment: async (c: Caller) => (await call(judgments.POST, c, { method: "POST", params: { id: episodes[1] }, body: { rubricVersionId: rubric.current.id, scores: { quality: 1 } } })).body,
  mask: async (c: Caller) => (await call(masks.POST, c, { method: "POST", params: { id: episodes[1] }, body: { startStep: 0, endStep: 1, mask: "drop" } })).body,
  comment: async (c: Caller) => (await call(comments.POST, c, { method: "POST", params: { id: episodes[1] }, body: { body: "mine" } })).body,
  slot: async (c: Caller, queue: Queue): Promise<{ id: number }> => (await call<ClaimResult>(next.POST, c, { method: "POST", params: { id: queue.id } })).body.slot!,
  view: async (c: Caller) => (await call(views.POST, c, { method: "POST", body: { name: `v-${randomBytes(3).toString("hex")}`, query: "kind=contextual" } })).body,
  batch: async () => (await seedEpisodes(`roles${run}b${randomBytes(3).toString("hex")}`, 1)).batchId,
  queuedExport: () => createExportJob(null, { recipe: recipeSchema.parse(exportRecipe(`Roles queued ${run}`)) }, "api"),
  cancelledExport: async () => {
    const id = await own.queuedExport();
    await pool.query(`UPDATE export_jobs SET status = 'cancelled' WHERE id = $1`, [id]);
    return id;
  },
};

/** Runs `make` only for a caller allowed to; others get placeholders (the role check refuses them first). */
function prepared<T>(role: Role, as: Who, make: () => Promise<T>, placeholder: T): Promise<T> {
  return as !== "anonymous" && hasRole(as, role) ? make() : Promise.resolve(placeholder);
}

async function waitForImport(id: number) {
  for (let i = 0; i < 400; i++) {
    const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id } });
    if (batch.status !== "running") return batch;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("import did not finish");
}

const cases: Case[] = [
  // ---------------------------------------------------------------- review
  { route: "POST /api/rubrics", role: "admin", request: (c, as) => call(rubrics.POST, c, { method: "POST", body: sampleRubric(`Roles ${as} ${run}`) }) },
  { route: "PATCH /api/rubrics/:id", role: "admin", request: (c) => call(rubricItem.PATCH, c, { method: "PATCH", params: { id: rubric.id }, body: { description: "changed" } }) },
  {
    route: "POST /api/queues",
    role: "admin",
    request: (c, as) => call(queues.POST, c, { method: "POST", body: { name: `Roles new ${as} ${run}`, rubricId: rubric.id, query: `batch=${batchId}` } }),
  },
  { route: "PATCH /api/queues/:id", role: "admin", request: (c) => call(queueItem.PATCH, c, { method: "PATCH", params: { id: queueOf.work.id }, body: { description: "changed" } }) },
  {
    route: "POST /api/queues/:id/gold",
    role: "admin",
    request: (c) => call(gold.POST, c, { method: "POST", params: { id: queueOf.work.id }, body: { items: [{ episodeId: episodes[0], verdict: "approve" }] } }),
  },
  { route: "POST /api/queues/:id/next", role: "annotator", request: (c) => call(next.POST, c, { method: "POST", params: { id: queueOf.next.id } }) },
  {
    route: "POST /api/queues/:id/slots/:slotId/skip",
    role: "annotator",
    request: async (c, as) => {
      const slot = await prepared("annotator", as, () => own.slot(c, queueOf.skip), { id: 1 });
      return call(skip.POST, c, { method: "POST", params: { id: queueOf.skip.id, slotId: slot.id } });
    },
  },
  {
    route: "POST /api/queues/:id/slots/:slotId/release",
    role: "annotator",
    request: async (c, as) => {
      const slot = await prepared("annotator", as, () => own.slot(c, queueOf.release), { id: 1 });
      return call(release.POST, c, { method: "POST", params: { id: queueOf.release.id, slotId: slot.id } });
    },
  },
  {
    route: "POST /api/episodes/:id/review/judgments",
    role: "annotator",
    request: (c) => call(judgments.POST, c, { method: "POST", params: { id: episodes[0] }, body: { rubricVersionId: rubric.current.id, scores: { quality: 3 } } }),
  },
  {
    route: "PATCH /api/episodes/:id/review/judgments/:judgmentId",
    role: "annotator",
    request: async (c, as) => {
      const judgment = await prepared("annotator", as, () => own.judgment(c), { id: 1, version: 1 });
      return call(judgmentItem.PATCH, c, { method: "PATCH", params: { id: episodes[1], judgmentId: judgment.id }, body: { version: judgment.version, scores: { quality: 2 } } });
    },
  },
  {
    route: "POST /api/episodes/:id/review/adjudication",
    role: "reviewer",
    request: (c) => call(adjudication.POST, c, { method: "POST", params: { id: episodes[2] }, body: { verdict: "approve", reason: "final" } }),
  },
  { route: "POST /api/episodes/:id/masks", role: "annotator", request: (c) => call(masks.POST, c, { method: "POST", params: { id: episodes[0] }, body: { startStep: 0, endStep: 0, mask: "context" } }) },
  { route: "POST /api/episodes/:id/masks/confirm", role: "annotator", request: (c) => call(maskConfirm.POST, c, { method: "POST", params: { id: episodes[0] }, body: {} }) },
  {
    route: "DELETE /api/episodes/:id/masks/:maskId",
    role: "annotator",
    request: async (c, as) => {
      const mask = await prepared("annotator", as, () => own.mask(c), { id: 1 });
      return call(maskItem.DELETE, c, { method: "DELETE", params: { id: episodes[1], maskId: mask.id } });
    },
  },
  { route: "POST /api/episodes/:id/comments", role: "annotator", request: (c) => call(comments.POST, c, { method: "POST", params: { id: episodes[0] }, body: { body: "hello", stepIdx: 0 } }) },
  {
    route: "PATCH /api/episodes/:id/comments/:commentId",
    role: "annotator",
    request: async (c, as) => {
      const comment = await prepared("annotator", as, () => own.comment(c), { id: 1 });
      return call(commentItem.PATCH, c, { method: "PATCH", params: { id: episodes[1], commentId: comment.id }, body: { body: "edited" } });
    },
  },
  {
    route: "DELETE /api/episodes/:id/comments/:commentId",
    role: "annotator",
    request: async (c, as) => {
      const comment = await prepared("annotator", as, () => own.comment(c), { id: 1 });
      return call(commentItem.DELETE, c, { method: "DELETE", params: { id: episodes[1], commentId: comment.id } });
    },
  },
  // ---------------------------------------------------------------- existing routes
  {
    route: "POST /api/imports",
    role: "reviewer",
    request: async (c, as) => {
      const line = JSON.stringify({
        trajectory_format: "mini-swe-agent-1",
        instance_id: `roles${run}__import-${as}`,
        info: { exit_status: "Submitted", submission: "", model_stats: { instance_cost: 0.01, api_calls: 1 } },
        messages: [
          { role: "user", content: `<pr_description>Import as ${as}</pr_description>` },
          { role: "assistant", content: "```bash\nls\n```" },
          { role: "user", content: "<returncode>0</returncode>\n<output>\na.py\n</output>" },
        ],
      });
      const response = await imports.POST(new Request("http://test/api/imports?filename=roles.jsonl", { method: "POST", headers: c.headers, body: `${line}\n` }), { params: Promise.resolve({}) });
      const body = await response.json();
      if (response.status === 202) expect((await waitForImport(body.batchId)).status).toBe("committed");
      return { status: response.status, body };
    },
  },
  {
    route: "DELETE /api/imports/:id",
    role: "reviewer",
    request: async (c, as) => {
      const id = await prepared("reviewer", as, own.batch, 1);
      return call(importItem.DELETE, c, { method: "DELETE", params: { id } });
    },
  },
  { route: "POST /api/episodes/bulk/preview", role: "reviewer", request: (c) => call(bulkPreview.POST, c, { method: "POST", body: { query: `batch=${batchId}` } }) },
  {
    route: "POST /api/episodes/bulk",
    role: "reviewer",
    request: (c) => call(bulk.POST, c, { method: "POST", body: { query: `batch=${batchId}`, action: "label_add", label: `roles-${run}`, expectedCount: episodes.length } }),
  },
  { route: "POST /api/views", role: "viewer", request: (c, as) => call(views.POST, c, { method: "POST", body: { name: `Roles ${as} ${run}`, query: "kind=contextual" } }) },
  {
    route: "PATCH /api/views/:id",
    role: "viewer",
    request: async (c, as) => {
      const view = await prepared("viewer", as, () => own.view(c), { id: 1 });
      return call(viewItem.PATCH, c, { method: "PATCH", params: { id: view.id }, body: { isShared: true } });
    },
  },
  {
    route: "DELETE /api/views/:id",
    role: "viewer",
    request: async (c, as) => {
      const view = await prepared("viewer", as, () => own.view(c), { id: 1 });
      return call(viewItem.DELETE, c, { method: "DELETE", params: { id: view.id } });
    },
  },
  // ---------------------------------------------------------------- export
  { route: "POST /api/exports/preview", role: "reviewer", request: (c) => call(exportPreview.POST, c, { method: "POST", body: { recipe: exportRecipe(`Roles preview ${run}`) } }) },
  {
    route: "POST /api/exports",
    role: "reviewer",
    request: async (c, as) => finished(await call(exportsRoute.POST, c, { method: "POST", body: { recipe: exportRecipe(`Roles export ${as} ${run}`) } })),
  },
  {
    route: "POST /api/exports/:id/cancel",
    role: "reviewer",
    request: async (c, as) => {
      const id = await prepared("reviewer", as, own.queuedExport, 1);
      return call(exportCancel.POST, c, { method: "POST", params: { id } });
    },
  },
  {
    route: "POST /api/exports/:id/resume",
    role: "reviewer",
    request: async (c, as) => {
      const id = await prepared("reviewer", as, own.cancelledExport, 1);
      return finished(await call(exportResume.POST, c, { method: "POST", params: { id } }), id);
    },
  },
  {
    route: "POST /api/export-recipes",
    role: "reviewer",
    request: (c, as) => call(exportRecipes.POST, c, { method: "POST", body: { recipe: exportRecipe(`Roles recipe ${as} ${run}`) } }),
  },
  {
    route: "PUT /api/export-recipes/:id",
    role: "reviewer",
    request: (c, as) => call(exportRecipeItem.PUT, c, { method: "PUT", params: { id: savedRecipe.id }, body: { recipe: { ...exportRecipe(`Roles recipe ${run}`), description: `by ${as}` } } }),
  },
];

const matrix = cases.flatMap((c) => who.map((as) => ({ ...c, as })));

describe("role matrix", () => {
  it.each(matrix)("$route as $as", async ({ role, request, as }) => {
    const response = await request(callers[as], as);
    if (as === "anonymous") {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    } else if (!hasRole(as, role)) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: { code: "forbidden", message: `This needs the ${role} role; you are ${as}.` } });
    } else {
      // `.code`: an export job has an `error` field of its own (null, or why it failed).
      expect(response.body.error?.code).toBeUndefined();
      expect([200, 201, 202]).toContain(response.status);
    }
  });

  it("covers every mutating handler of the review slice", async () => {
    const modules = [commentItem, comments, maskItem, maskConfirm, masks, adjudication, judgmentItem, judgments, queueItem, gold, next, release, skip, queues, rubricItem, rubrics];
    const mutating = modules.flatMap((m) => Object.keys(m).filter((k) => ["POST", "PATCH", "PUT", "DELETE"].includes(k)));
    const covered = cases.filter((c) => !/imports|bulk|views|export/.test(c.route));
    expect(covered).toHaveLength(mutating.length);
  });

  it("covers every mutating handler of the export slice", () => {
    const modules = [exportsRoute, exportCancel, exportResume, exportPreview, exportRecipes, exportRecipeItem];
    const mutating = modules.flatMap((m) => Object.keys(m).filter((k) => ["POST", "PATCH", "PUT", "DELETE"].includes(k)));
    expect(cases.filter((c) => /export/.test(c.route))).toHaveLength(mutating.length);
  });
});
