import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { listAudit } from "@/lib/audit/record";
import { disconnect } from "@/lib/db";
import type { SavedView } from "@/lib/views/schema";
import { DELETE as deleteView, PATCH as patchView } from "./[id]/route";
import { GET as listViews, POST as postView } from "./route";

process.env.AUTH_SIGN_IN_PER_MINUTE ??= "1000";
const run = randomBytes(4).toString("hex");
const noParams = { params: Promise.resolve({}) };

afterAll(() => disconnect());

type Caller = { headers: Record<string, string>; email: string };

async function signedIn(name: string, role: Role): Promise<Caller> {
  const password = `pw-${run}-secret`;
  const user = await createUser({ email: `${name}-${run}@example.com`, role, password, name: `${name} ${run}` });
  const response = await getAuth().api.signInEmail({ body: { email: user.email, password }, asResponse: true });
  return { headers: { cookie: response.headers.get("set-cookie")!.split(";")[0] }, email: user.email };
}

function call(handler: typeof postView, caller: Caller, method: string, body?: unknown, id?: number) {
  const request = new Request(`http://test/api/views${id ? `/${id}` : ""}`, {
    method,
    headers: { ...caller.headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, id ? { params: Promise.resolve({ id: String(id) }) } : noParams);
}

async function myList(caller: Caller): Promise<SavedView[]> {
  const response = await call(listViews, caller, "GET");
  expect(response.status).toBe(200);
  return (await response.json()).items;
}

async function create(caller: Caller, body: { name: string; query: string; isShared?: boolean }): Promise<SavedView> {
  const response = await call(postView, caller, "POST", body);
  expect(response.status).toBe(201);
  return response.json();
}

let ann: Caller;
let bob: Caller;
let admin: Caller;

beforeAll(async () => {
  ann = await signedIn("ann", "viewer");
  bob = await signedIn("bob", "reviewer");
  admin = await signedIn("root", "admin");
});

describe("saved views", () => {
  it("stores the canonical query, so the same filter is the same string", async () => {
    const view = await create(ann, { name: `Failing ${run}`, query: "?steps=60..&model=b,a&cursor=xyz&bogus=1" });
    expect(view).toMatchObject({ name: `Failing ${run}`, query: "model=a%2Cb&steps=60..", isShared: false, isMine: true, owner: { email: ann.email } });
    const [event] = await listAudit({ targetType: "saved_view", targetId: view.id });
    expect(event).toMatchObject({ action: "saved_view.create", actor: ann.email, after: { name: `Failing ${run}`, query: "model=a%2Cb&steps=60..", isShared: false } });
  });

  it("shows my views and shared ones, never others' private views, ordered by name", async () => {
    const mine = await create(ann, { name: `b mine ${run}`, query: "kind=contextual" });
    const shared = await create(bob, { name: `a shared ${run}`, query: "review=approved", isShared: true });
    const hidden = await create(bob, { name: `c private ${run}`, query: "review=rejected" });
    const annSees = (await myList(ann)).filter((v) => v.name.endsWith(run));
    expect(annSees.map((v) => [v.name, v.isMine])).toEqual([
      [`a shared ${run}`, false],
      [`b mine ${run}`, true],
      [`Failing ${run}`, true],
    ]);
    expect(annSees[0].owner).toMatchObject({ email: bob.email, name: `bob ${run}` });
    const bobSees = (await myList(bob)).map((v) => v.id);
    expect(bobSees).toEqual(expect.arrayContaining([shared.id, hidden.id]));
    expect(bobSees).not.toContain(mine.id);

    const key = await createApiKey({ name: `views-${run}`, role: "admin" });
    const pipeline = { headers: { authorization: `Bearer ${key.key}` }, email: "" };
    const keySees = await myList(pipeline);
    expect(keySees.map((v) => v.id)).toContain(shared.id);
    expect(keySees.map((v) => v.id)).not.toContain(hidden.id);
    const refused = await call(postView, pipeline, "POST", { name: "x", query: "" });
    expect(refused.status).toBe(403);
  });

  it("refuses a second view with the same name for the same owner (409), not for another owner", async () => {
    await create(ann, { name: `Dup ${run}`, query: "" });
    const again = await call(postView, ann, "POST", { name: `  Dup ${run} `, query: "kind=contextual" });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: "conflict", message: `You already have a view named "Dup ${run}". Pick another name.` } });
    await create(bob, { name: `Dup ${run}`, query: "" });

    const other = await create(ann, { name: `Other ${run}`, query: "" });
    const rename = await call(patchView, ann, "PATCH", { name: `Dup ${run}` }, other.id);
    expect(rename.status).toBe(409);
  });

  it("lets only the owner or an admin rename, share, re-filter or delete (403 otherwise)", async () => {
    const view = await create(bob, { name: `Team ${run}`, query: "kind=contextual", isShared: true });
    const forbidden = await call(patchView, ann, "PATCH", { name: "mine now" }, view.id);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe("forbidden");
    expect((await call(deleteView, ann, "DELETE", undefined, view.id)).status).toBe(403);

    const renamed = await call(patchView, bob, "PATCH", { name: `Team renamed ${run}`, isShared: false, query: "kind=contextual&model=m" }, view.id);
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: `Team renamed ${run}`, isShared: false, query: "kind=contextual&model=m" });
    expect((await myList(ann)).map((v) => v.id)).not.toContain(view.id);

    const byAdmin = await call(patchView, admin, "PATCH", { isShared: true }, view.id);
    expect(await byAdmin.json()).toMatchObject({ isShared: true, isMine: false, name: `Team renamed ${run}` });
    expect((await call(deleteView, admin, "DELETE", undefined, view.id)).status).toBe(200);
    expect((await call(deleteView, bob, "DELETE", undefined, view.id)).status).toBe(404);

    const events = await listAudit({ targetType: "saved_view", targetId: view.id });
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ["saved_view.delete", admin.email],
      ["saved_view.update", admin.email],
      ["saved_view.update", bob.email],
      ["saved_view.create", bob.email],
    ]);
    expect(events[2]).toMatchObject({ before: { name: `Team ${run}`, isShared: true }, after: { name: `Team renamed ${run}`, isShared: false } });
  });

  it("validates input with the standard error shape", async () => {
    const blank = await call(postView, ann, "POST", { name: "   ", query: "" });
    expect(blank.status).toBe(422);
    expect((await blank.json()).error.code).toBe("invalid_request");
    const view = await create(ann, { name: `Empty patch ${run}`, query: "" });
    expect((await call(patchView, ann, "PATCH", {}, view.id)).status).toBe(422);
    const anonymous = await listViews(new Request("http://test/api/views"), noParams);
    expect(anonymous.status).toBe(401);
  });
});
