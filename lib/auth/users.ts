/** Accounts created by admins (CLI and, later, the admin page). Passwords hashed by better-auth. */
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { prisma } from "@/lib/db";
import type { Role } from "./roles";

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`A user with email ${email} already exists.`);
    this.name = "UserExistsError";
  }
}

export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function createUser(input: { email: string; role: Role; password?: string; name?: string }) {
  const email = input.email.trim().toLowerCase();
  const password = input.password ?? generatePassword();
  if (password.length < 8) throw new Error("Passwords need at least 8 characters.");
  if (await prisma.user.findUnique({ where: { email } })) throw new UserExistsError(email);
  const id = randomUUID();
  const hash = await hashPassword(password);
  await prisma.$transaction([
    prisma.user.create({
      data: { id, email, name: input.name ?? email.split("@")[0], role: input.role, emailVerified: true },
    }),
    prisma.account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash },
    }),
  ]);
  return { id, email, role: input.role, password };
}
