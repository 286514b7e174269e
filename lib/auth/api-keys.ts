/**
 * Pipeline API keys. Keys are 32 random bytes shown once; only their SHA-256 is stored, which is
 * enough for a secret with that much entropy (no salt or slow hash needed, unlike passwords).
 */
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Role } from "./roles";

const keyPrefix = "atl_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(input: { name: string; role: Role; createdById?: string | null }) {
  const key = keyPrefix + randomBytes(32).toString("base64url");
  const record = await prisma.apiKey.create({
    data: {
      name: input.name,
      role: input.role,
      keyHash: hashApiKey(key),
      prefix: key.slice(0, keyPrefix.length + 6),
      createdById: input.createdById ?? null,
    },
  });
  return { id: record.id, name: record.name, role: record.role, key };
}

/** The key's owner-facing record when the bearer token is a live key, else null. */
export async function findApiKey(bearer: string) {
  if (!bearer.startsWith(keyPrefix)) return null;
  const record = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(bearer) } });
  if (!record || record.revokedAt) return null;
  // Last use is informative only; a lost update here is harmless.
  void prisma.apiKey.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  return record;
}
