import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import type { UserList } from "@/lib/auth/user-list";
import { disconnect } from "@/lib/db";
import { anonymous, call, signInTeam, type Caller } from "@/lib/review/testing/fixtures";
import { GET as users } from "./route";

const run = randomBytes(4).toString("hex");
let team: Awaited<ReturnType<typeof signInTeam>>;

beforeAll(async () => {
  team = await signInTeam(`users${run}`);
});
afterAll(() => disconnect());

describe("GET /api/users", () => {
  it("lists every account with its id, name, email and role, by email, for reviewers and admins", async () => {
    for (const caller of [team.rev, team.admin]) {
      const response = await call<UserList>(users, caller);
      expect(response.status).toBe(200);
      const mine = response.body.items.filter((u) => u.email.endsWith(`-users${run}@example.com`));
      expect(mine).toEqual(
        (["admin", "ann", "bob", "rev", "viewer"] as const).map((name) => ({
          id: team[name].id,
          name: `${name} users${run}`,
          email: team[name].email,
          role: team[name].role,
        })),
      );
      const emails = response.body.items.map((u) => u.email);
      expect(emails).toEqual([...emails].sort());
      // Nothing but the four fields: no password hashes, sessions or timestamps.
      for (const user of response.body.items) expect(Object.keys(user).sort()).toEqual(["email", "id", "name", "role"]);
    }
  });

  it("refuses anonymous callers (401), viewers and annotators (403), in the standard error shape", async () => {
    expect((await call(users, anonymous)).body.error.code).toBe("unauthorized");
    for (const caller of [team.viewer, team.ann] as Caller[]) {
      const refused = await call(users, caller);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    const key = await createApiKey({ name: `users-${run}`, role: "reviewer" });
    const byKey = await call<UserList>(users, { headers: { authorization: `Bearer ${key.key}` }, id: null, email: "", role: "reviewer" });
    expect(byKey.status).toBe(200);
  });
});
