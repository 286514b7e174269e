import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/record";
import { disconnect } from "@/lib/db";
import type { CommentList } from "@/lib/review/comments/schema";
import { call, seedEpisodes, signIn, type Caller } from "@/lib/review/testing/fixtures";
import { DELETE as deleteComment, PATCH as patchComment } from "./[commentId]/route";
import { GET as listComments, POST as postComment } from "./route";

const run = randomBytes(4).toString("hex");
let ann: Caller;
let bob: Caller;
let rev: Caller;
let viewer: Caller;
let episode: number;

beforeAll(async () => {
  [ann, bob, rev, viewer] = await Promise.all([signIn("ann", "annotator", run), signIn("bob", "annotator", run), signIn("rev", "reviewer", run), signIn("viewer", "viewer", run)]);
  [episode] = (await seedEpisodes(`com${run}`, 1)).ids;
});
afterAll(() => disconnect());

describe("comments", () => {
  it("comments on the episode or on one step, and lists them in order", async () => {
    const onEpisode = await call(postComment, ann, { method: "POST", params: { id: episode }, body: { body: "Good overall" } });
    expect(onEpisode.status).toBe(201);
    const onStep = await call(postComment, bob, { method: "POST", params: { id: episode }, body: { body: "<script>alert(1)</script> here it loops", stepIdx: 3 } });
    expect(onStep.status).toBe(201);
    const listed = await call<CommentList>(listComments, viewer, { params: { id: episode } });
    expect(listed.body.items.map((c) => [c.author.email, c.stepIdx, c.body])).toEqual([
      [ann.email, null, "Good overall"],
      [bob.email, 3, "<script>alert(1)</script> here it loops"],
    ]);
    const beyond = await call(postComment, ann, { method: "POST", params: { id: episode }, body: { body: "x", stepIdx: 9999 } });
    expect(beyond.status).toBe(422);
    expect((await call(postComment, ann, { method: "POST", params: { id: episode }, body: { body: "   " } })).status).toBe(422);
    expect((await call(postComment, viewer, { method: "POST", params: { id: episode }, body: { body: "hi" } })).status).toBe(403);
  });

  it("lets the author edit, the author or a reviewer delete, and audits each change", async () => {
    const comment = (await call(postComment, ann, { method: "POST", params: { id: episode }, body: { body: "first take" } })).body;
    expect((await call(patchComment, bob, { method: "PATCH", params: { id: episode, commentId: comment.id }, body: { body: "hijack" } })).status).toBe(403);
    const edited = await call(patchComment, ann, { method: "PATCH", params: { id: episode, commentId: comment.id }, body: { body: "second take" } });
    expect(edited.body.body).toBe("second take");
    expect((await call(deleteComment, bob, { method: "DELETE", params: { id: episode, commentId: comment.id } })).status).toBe(403);
    expect((await call(deleteComment, rev, { method: "DELETE", params: { id: episode, commentId: comment.id } })).status).toBe(200);
    expect((await call(deleteComment, rev, { method: "DELETE", params: { id: episode, commentId: comment.id } })).status).toBe(404);
    const events = (await listAudit({ targetType: "episode", targetId: episode })).filter((e) => e.meta.commentId === comment.id);
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ["comment.delete", rev.email],
      ["comment.update", ann.email],
      ["comment.create", ann.email],
    ]);
    expect(events[1]).toMatchObject({ before: { body: "first take" }, after: { body: "second take" } });
  });
});
