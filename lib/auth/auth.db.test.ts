import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { resolveActor } from "./actor";
import { createApiKey } from "./api-keys";
import { getAuth } from "./auth";
import { checkRole } from "./permission";
import { createUser, UserExistsError } from "./users";

const run = randomBytes(4).toString("hex");

afterAll(() => disconnect());

describe("accounts", () => {
  it("stores only a password hash, and signs in with the password", async () => {
    const user = await createUser({ email: `Ann-${run}@Example.com`, role: "annotator", password: "correct horse battery" });
    expect(user.email).toBe(`ann-${run}@example.com`);
    const account = await prisma.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain("correct horse");
    expect(account.password!.length).toBeGreaterThan(40);

    const response = await getAuth().api.signInEmail({ body: { email: user.email, password: "correct horse battery" }, asResponse: true });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!.split(";")[0];
    const actor = await resolveActor(new Headers({ cookie }));
    expect(actor).toMatchObject({ type: "user", email: user.email, role: "annotator" });
    const session = await prisma.session.findFirst({ where: { userId: user.id } });
    expect(session).not.toBeNull();

    const wrong = await getAuth().api.signInEmail({ body: { email: user.email, password: "wrong password!" }, asResponse: true });
    expect(wrong.status).toBe(401);
  });

  it("refuses a second account with the same email", async () => {
    await createUser({ email: `dup-${run}@example.com`, role: "viewer" });
    await expect(createUser({ email: `dup-${run}@example.com`, role: "viewer" })).rejects.toThrow(UserExistsError);
  });

  it("generates a password when none is given", async () => {
    const user = await createUser({ email: `gen-${run}@example.com`, role: "viewer" });
    expect(user.password.length).toBeGreaterThanOrEqual(12);
  });
});

describe("API keys", () => {
  it("authenticates a bearer key stored only as a hash, until revoked", async () => {
    const key = await createApiKey({ name: `pipeline-${run}`, role: "reviewer" });
    const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(stored.keyHash).not.toBe(key.key);
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    const actor = await resolveActor(new Headers({ authorization: `Bearer ${key.key}` }));
    expect(actor).toMatchObject({ type: "api_key", role: "reviewer", name: `pipeline-${run}` });

    await prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    expect(await resolveActor(new Headers({ authorization: `Bearer ${key.key}` }))).toBeNull();
    expect(await resolveActor(new Headers({ authorization: "Bearer atl_not-a-key" }))).toBeNull();
  });
});

describe("checkRole", () => {
  it("throws 401 for nobody and 403 for a role below the required one", () => {
    expect(() => checkRole(null, "viewer")).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => checkRole({ type: "api_key", id: 1, name: "k", role: "viewer" }, "reviewer")).toThrow(
      expect.objectContaining({ status: 403, name: "AuthError" }),
    );
    expect(checkRole({ type: "api_key", id: 1, name: "k", role: "admin" }, "reviewer").role).toBe("admin");
  });
});
