/**
 * The export REST API as a client uses it: start an export (inline recipe or saved version),
 * poll it, list it, download its files byte for byte — and only its files — and the recipes API
 * that saves versioned recipes.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect } from "@/lib/db";
import { createExportJob } from "@/lib/export/jobs/jobs";
import type { ExportJob, ExportJobDetail, ExportJobList } from "@/lib/export/jobs/schema";
import type { RecipeVersion, SavedRecipe, SavedRecipeList } from "@/lib/export/recipes/schema";
import { exportManifestSchema } from "@/lib/export/write/manifest";
import { call, signIn, type Caller } from "@/lib/review/testing/fixtures";
import { waitForExport } from "@/lib/testing/export-jobs";
import { seedPlanCorpus } from "@/lib/testing/plan-corpus";
import * as recipeItem from "../export-recipes/[id]/route";
import * as recipes from "../export-recipes/route";
import * as recipeVersion from "../export-recipes/versions/[versionId]/route";
import * as exportItem from "./[id]/route";
import * as cancel from "./[id]/cancel/route";
import * as files from "./[id]/files/[...path]/route";
import * as resume from "./[id]/resume/route";
import * as exportsRoute from "./route";

const run = randomBytes(4).toString("hex");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-exports-api-"));
process.env.ATELIER_EXPORT_DIR = root;

let reviewer: Caller;
let batch: number;

beforeAll(async () => {
  reviewer = await signIn("exporter", "reviewer", run);
  const words = (key: string) => Array.from({ length: 60 }, (_, i) => `${key}w${i}`).join(" ");
  ({ batch } = await seedPlanCorpus(
    run,
    Array.from({ length: 8 }, (_, i) => ({ key: `r${i}`, model: `${run}/m`, repo: `${run}/repo-${i}`, task: words(`r${i}`) })),
  ));
});

afterAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  await disconnect();
});

const recipe = (name = `api ${run}`, extra: Record<string, unknown> = {}) => ({
  name,
  seed: 3,
  components: [{ name: "all", filter: `batch=${batch}` }],
  split: { validation: 0.25 },
  format: { file: "jsonl", shardMb: 0.002 },
  ...extra,
});

/** GET …/files/<segments> as Next passes a catch-all: the raw bytes, status and headers. */
async function download(id: number, segments: string[], caller: Caller = reviewer) {
  const request = new Request(`http://test/api/exports/${id}/files/${segments.join("/")}`, { headers: caller.headers });
  const response = await files.GET(request, { params: Promise.resolve({ id: String(id), path: segments }) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const errorOf = (bytes: Buffer) => JSON.parse(bytes.toString("utf8"));

async function startDone(body: unknown): Promise<ExportJobDetail> {
  const started = await call<{ id: number }>(exportsRoute.POST, reviewer, { method: "POST", body });
  expect(started.status).toBe(202);
  expect(started.body).toEqual({ id: expect.any(Number) });
  expect((await waitForExport(started.body.id)).status).toBe("done");
  const detail = await call<ExportJobDetail>(exportItem.GET, reviewer, { params: { id: started.body.id } });
  expect(detail.status).toBe(200);
  return detail.body;
}

describe("POST /api/exports, GET /api/exports[/:id]", () => {
  let inline: ExportJobDetail;

  beforeAll(async () => {
    inline = await startDone({ recipe: recipe() });
  });

  it("runs an inline recipe: 202 with the id, then the job with its recipe as run, progress and files", async () => {
    expect(inline).toMatchObject({ status: "done", phase: "done", recipeName: `api ${run}`, recipeVersion: null, source: "ui", error: null });
    expect(inline.createdBy).toMatchObject({ id: reviewer.id, email: reviewer.email });
    // The recipe as run has every default filled in.
    expect(inline.recipe).toMatchObject({ name: `api ${run}`, dedup: { exact: true, near: true }, decontamination: { swebench: true }, tokenizer: { type: "o200k_base" } });
    const manifest = exportManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(inline.outDir, "manifest.json"), "utf8")));
    expect(inline.summary!.records).toBe(manifest.totals.records);
    expect(manifest.totals.records).toBe(8);
    expect(inline.outDir.startsWith(root + path.sep)).toBe(true);
  });

  it("runs a saved recipe version and records it", async () => {
    const saved = await call<SavedRecipe>(recipes.POST, reviewer, { method: "POST", body: { recipe: recipe(`saved ${run}`) } });
    expect(saved.status).toBe(201);
    const job = await startDone({ recipeVersionId: saved.body.current.id });
    expect(job.recipeVersion).toEqual({ id: saved.body.current.id, recipeId: saved.body.id, version: 1 });
    expect(job.recipe).toEqual(saved.body.current.recipe);
    const manifest = JSON.parse(fs.readFileSync(path.join(job.outDir, "manifest.json"), "utf8"));
    expect(manifest.recipeVersionId).toBe(saved.body.current.id);
    const version = await call<RecipeVersion>(recipeVersion.GET, reviewer, { params: { versionId: saved.body.current.id } });
    expect(version.body.exports).toBe(1);
  });

  it("lists exports newest first", async () => {
    const list = await call<ExportJobList>(exportsRoute.GET, reviewer);
    expect(list.status).toBe(200);
    const mine = list.body.items.find((job: ExportJob) => job.id === inline.id);
    expect(mine).toMatchObject({ status: "done", recipeName: `api ${run}`, summary: { records: 8 } });
    const ids = list.body.items.map((job: ExportJob) => job.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("answers 422 with the zod issue's path for a bad recipe, and 404 for a missing version", async () => {
    const bad = await call(exportsRoute.POST, reviewer, { method: "POST", body: { recipe: { ...recipe(), components: [{ name: "all", weight: { share: 2 } }] } } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("invalid_request");
    const share = bad.body.error.details.properties.recipe.properties.components.items[0].properties.weight.properties.share;
    expect(share.errors[0]).toMatch(/<1/);
    const unknownKey = await call(exportsRoute.POST, reviewer, { method: "POST", body: { recipe: { ...recipe(), colour: "red" } } });
    expect(unknownKey.status).toBe(422);
    expect(JSON.stringify(unknownKey.body.error.details)).toContain("colour");
    const missing = await call(exportsRoute.POST, reviewer, { method: "POST", body: { recipeVersionId: 2_000_000_000 } });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: "not_found", message: "Recipe version not found." });
    expect((await call(exportItem.GET, reviewer, { params: { id: 2_000_000_000 } })).status).toBe(404);
  });

  it("streams every file the manifest lists, byte for byte", async () => {
    const listed = inline.summary!.files;
    expect(listed.some((f) => f.path.startsWith("data/validation-"))).toBe(true);
    for (const file of listed) {
      const got = await download(inline.id, file.path.split("/"));
      expect(got.status, file.path).toBe(200);
      const onDisk = fs.readFileSync(path.join(inline.outDir, file.path));
      expect(got.bytes.equals(onDisk), file.path).toBe(true);
      expect(got.headers.get("content-length")).toBe(String(onDisk.length));
      expect(got.headers.get("content-disposition")).toBe(`attachment; filename="${path.basename(file.path)}"`);
      if (file.sha256) {
        expect(got.headers.get("x-content-sha256")).toBe(file.sha256);
        expect(createHash("sha256").update(got.bytes).digest("hex")).toBe(file.sha256);
      }
    }
    expect((await download(inline.id, ["manifest.json"])).headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await download(inline.id, listed[0].path.split("/"))).headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
  });

  it("refuses paths the manifest does not list (404), however they are spelled", async () => {
    const shard = inline.summary!.files[0].path;
    const tricks = [
      ["..", "..", "..", "etc", "passwd"],
      ["..", path.basename(inline.outDir), "manifest.json"],
      ["data", "..", "manifest.json"],
      [".", "manifest.json"],
      ["data", ".", path.basename(shard)],
      ["%2e%2e", "manifest.json"],
      ["..%2Fmanifest.json"],
      [path.join(inline.outDir, "manifest.json")],
      ["", "manifest.json"],
      ["manifest.json", ""],
      ["MANIFEST.json"],
      [".partial", "plan.json"],
      ["data", ".train-00000.jsonl.partial"],
      ["data"],
      [path.basename(shard)],
    ];
    for (const segments of tricks) {
      const got = await download(inline.id, segments);
      expect(got.status, segments.join("/")).toBe(404);
      expect(errorOf(got.bytes), segments.join("/")).toEqual({ error: { code: "not_found", message: "Export file not found." } });
    }
    // An unfinished export has no files to give; nor has an export that does not exist.
    const queued = await createExportJob(null, { recipe: (await call<ExportJobDetail>(exportItem.GET, reviewer, { params: { id: inline.id } })).body.recipe }, "api");
    expect((await download(queued, ["manifest.json"])).status).toBe(404);
    expect((await download(2_000_000_000, ["manifest.json"])).status).toBe(404);
    await call(cancel.POST, reviewer, { method: "POST", params: { id: queued } });
  });

  it("says so when a listed file was deleted from disk", async () => {
    const job = await startDone({ recipe: recipe(`deleted ${run}`) });
    fs.rmSync(path.join(job.outDir, "README.md"));
    const got = await download(job.id, ["README.md"]);
    expect(got.status).toBe(404);
    expect(errorOf(got.bytes).error.message).toMatch(/moved or deleted/);
  });

  it("cancels and resumes over the API; 409 for a finished export", async () => {
    const queued = await createExportJob(null, { recipe: inline.recipe }, "api");
    const cancelled = await call<ExportJob>(cancel.POST, reviewer, { method: "POST", params: { id: queued } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: queued, status: "cancelled" });
    const resumed = await call<ExportJob>(resume.POST, reviewer, { method: "POST", params: { id: queued } });
    expect(resumed.status).toBe(200);
    expect(["queued", "running"]).toContain(resumed.body.status);
    expect((await waitForExport(queued)).status).toBe("done");
    for (const route of [cancel.POST, resume.POST]) {
      const refused = await call(route, reviewer, { method: "POST", params: { id: queued } });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toEqual({ code: "conflict", message: expect.stringMatching(new RegExp(`^Export #${queued} is done; only a`)) });
    }
  });
});

describe("POST/PUT /api/export-recipes, GET versions", () => {
  it("creates version 1 (201), saves version 2 while version 1 stays as it was, and reads each version", async () => {
    const created = await call<SavedRecipe>(recipes.POST, reviewer, { method: "POST", body: { name: `Mixture ${run}`, recipe: recipe(`mixture ${run}`) } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: `Mixture ${run}`, current: { version: 1, exports: 0, createdBy: { id: reviewer.id } } });
    expect(created.body.versions).toHaveLength(1);
    const first = created.body.current;

    const changed = recipe(`mixture ${run}`, { seed: 99, split: { validation: 0.1 } });
    const next = await call<SavedRecipe>(recipeItem.PUT, reviewer, { method: "PUT", params: { id: created.body.id }, body: { recipe: changed } });
    expect(next.status).toBe(200);
    expect(next.body.current).toMatchObject({ version: 2, recipe: { seed: 99, split: { validation: 0.1 } } });
    expect(next.body.name).toBe(`Mixture ${run}`);
    expect(next.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const old = await call<RecipeVersion>(recipeVersion.GET, reviewer, { params: { versionId: first.id } });
    expect(old.status).toBe(200);
    expect(old.body).toEqual({ ...first, recipeId: created.body.id });
    expect(old.body.recipe.seed).toBe(3);
    const newer = await call<RecipeVersion>(recipeVersion.GET, reviewer, { params: { versionId: next.body.current.id } });
    expect(newer.body.recipe).toEqual(next.body.current.recipe);

    const read = await call<SavedRecipe>(recipeItem.GET, reviewer, { params: { id: created.body.id } });
    expect(read.body.current.id).toBe(next.body.current.id);
    const list = await call<SavedRecipeList>(recipes.GET, reviewer);
    expect(list.body.items.find((r: { id: number }) => r.id === created.body.id)?.current.version).toBe(2);
    expect((await call(recipeVersion.GET, reviewer, { params: { versionId: 2_000_000_000 } })).status).toBe(404);
  });

  it("answers 409 for a name that is taken, on create and on rename", async () => {
    const body = { name: `Taken ${run}`, recipe: recipe() };
    expect((await call(recipes.POST, reviewer, { method: "POST", body })).status).toBe(201);
    const again = await call(recipes.POST, reviewer, { method: "POST", body });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: "conflict", message: `A recipe named "Taken ${run}" already exists. Pick another name.` });
    const other = await call<SavedRecipe>(recipes.POST, reviewer, { method: "POST", body: { name: `Other ${run}`, recipe: recipe() } });
    const rename = await call(recipeItem.PUT, reviewer, { method: "PUT", params: { id: other.body.id }, body: { name: `Taken ${run}`, recipe: recipe() } });
    expect(rename.status).toBe(409);
    // Nothing of the refused save was kept.
    const unchanged = await call<SavedRecipe>(recipeItem.GET, reviewer, { params: { id: other.body.id } });
    expect(unchanged.body).toMatchObject({ name: `Other ${run}`, current: { version: 1 } });
  });

  it("answers 422 with the issue's path for a recipe that does not parse", async () => {
    const bad = await call(recipes.POST, reviewer, { method: "POST", body: { recipe: { ...recipe(), split: { validation: 0.9 } } } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.properties.recipe.properties.split.properties.validation.errors[0]).toMatch(/0.5/);
  });
});
