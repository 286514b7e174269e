/**
 * Test data for the review integration tests: signed-in people of each role, uniquely named
 * episodes imported through the normal importer (one with a stuck loop), and a way to call a
 * route handler as someone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { importFiles } from "@/lib/ingest/import-files";

process.env.AUTH_SIGN_IN_PER_MINUTE ??= "100000";

export type Caller = { headers: Record<string, string>; id: string | null; email: string; role: Role | null };

export const anonymous: Caller = { headers: {}, id: null, email: "", role: null };

export async function signIn(name: string, role: Role, run: string): Promise<Caller> {
  const password = `pw-${run}-secret`;
  const user = await createUser({ email: `${name}-${run}@example.com`, role, password, name: `${name} ${run}` });
  const response = await getAuth().api.signInEmail({ body: { email: user.email, password }, asResponse: true });
  return { headers: { cookie: response.headers.get("set-cookie")!.split(";")[0] }, id: user.id, email: user.email, role };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The one error shape; on a test's response body it sits beside the success type (check `status` first). */
type ErrorBody = { error: { code: string; message: string; details?: any } };

/** Calls a route handler as `caller`; returns the status and the parsed JSON body. */
export async function call<T = any>(
  handler: Handler,
  caller: Caller,
  options: { method?: string; params?: Record<string, string | number>; body?: unknown; query?: string } = {},
): Promise<{ status: number; body: T & ErrorBody }> {
  const params = Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [k, String(v)]));
  const request = new Request(`http://test/api/x${options.query ? `?${options.query}` : ""}`, {
    method: options.method ?? "GET",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as T & ErrorBody };
}

function miniTrajectory(run: string, i: number, isLooping: boolean): string {
  const messages: unknown[] = [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: `<pr_description>Review fixture ${i} for ${run}</pr_description>` },
  ];
  const pairs = isLooping ? 6 : 2;
  for (let p = 0; p < pairs; p++) {
    const command = isLooping && p > 0 ? "python -m pytest tests" : `ls dir${p}`;
    messages.push({ role: "assistant", content: `THOUGHT: step ${p}\n\n\`\`\`bash\n${command}\n\`\`\`` });
    messages.push({ role: "user", content: `<returncode>${isLooping && p > 0 ? 1 : 0}</returncode>\n<output>\n${isLooping && p > 0 ? "FAILED tests/test_x.py" : `file${p}.py`}\n</output>` });
  }
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: `${run}__review-${i}`,
    info: { exit_status: "Submitted", submission: "", model_stats: { instance_cost: 0.1, api_calls: 2 }, config: { model: { model_name: `${run}/model` } } },
    messages,
  });
}

/** Imports `count` episodes (the first one with a stuck loop); returns their ids in order and the batch id. */
export async function seedEpisodes(run: string, count: number): Promise<{ ids: number[]; batchId: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-review-test-"));
  try {
    const file = path.join(dir, `${run}-review.jsonl`);
    fs.writeFileSync(file, Array.from({ length: count }, (_, i) => miniTrajectory(run, i, i === 0)).join("\n") + "\n");
    const summary = await importFiles([{ path: file }], { source: "cli" });
    if (summary.status !== "committed" || summary.imported !== count) throw new Error(`seed import failed: ${JSON.stringify(summary.errors)}`);
    const rows = await prisma.episode.findMany({ where: { importBatchId: summary.batchId }, orderBy: { instanceId: "asc" }, select: { id: true, instanceId: true } });
    const order = (id: string | null) => Number(id!.split("-").pop());
    return { ids: rows.sort((a, b) => order(a.instanceId) - order(b.instanceId)).map((r) => r.id), batchId: summary.batchId };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A rubric body with one dimension of each type. */
export function sampleRubric(name: string) {
  return {
    name,
    description: "Is this trajectory worth training on?",
    instructions: "# Judge the trajectory\n\nScore **every** dimension.",
    dimensions: [
      {
        key: "quality",
        label: "Overall quality",
        type: "ordinal",
        points: [
          { value: 1, label: "Poor", description: "Wrong or harmful" },
          { value: 2, label: "Weak", description: "Mostly wrong" },
          { value: 3, label: "Fair", description: "Works with issues" },
          { value: 4, label: "Good", description: "Correct and clean" },
        ],
      },
      { key: "solves", label: "Solves the task", type: "boolean" },
      {
        key: "issue",
        label: "Main issue",
        type: "single_choice",
        required: false,
        options: [
          { value: "none", label: "None" },
          { value: "loop", label: "Loops" },
          { value: "hallucination", label: "Hallucinates" },
        ],
      },
      { key: "tags", label: "Tags", type: "multi_choice", required: false, options: [{ value: "hard" }, { value: "tests-edited" }, { value: "docs" }] },
      { key: "notes", label: "Notes", type: "text" },
    ],
  };
}

/** The usual cast: an admin, two annotators (ann, bob), a reviewer (rev) and a viewer, signed in. */
export async function signInTeam(run: string): Promise<Record<"admin" | "ann" | "bob" | "rev" | "viewer", Caller>> {
  const [admin, ann, bob, rev, viewer] = await Promise.all([
    signIn("admin", "admin", run),
    signIn("ann", "annotator", run),
    signIn("bob", "annotator", run),
    signIn("rev", "reviewer", run),
    signIn("viewer", "viewer", run),
  ]);
  return { admin, ann, bob, rev, viewer };
}
