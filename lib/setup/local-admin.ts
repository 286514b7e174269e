/**
 * The quick start's local admin: created on first start with a generated password, which is kept
 * in the git-ignored .atelier/ folder so each start can print how to sign in.
 */
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { createUser } from "@/lib/auth/users";

export const localAdminEmail = "admin@atelier.local";

export async function ensureLocalAdmin(dir: string): Promise<{ email: string; password: string | null; isNew: boolean }> {
  const file = path.join(dir, "admin-credentials.json");
  const existing = await prisma.user.findUnique({ where: { email: localAdminEmail } });
  if (existing) {
    const saved = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { password?: string }) : {};
    return { email: localAdminEmail, password: saved.password ?? null, isNew: false };
  }
  const user = await createUser({ email: localAdminEmail, role: "admin", name: "Local admin" });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ email: user.email, password: user.password }), { mode: 0o600 });
  return { email: user.email, password: user.password, isNew: true };
}
