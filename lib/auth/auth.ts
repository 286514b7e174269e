/**
 * Sign-in and sessions through better-auth: scrypt-hashed passwords, sessions stored in
 * Postgres via its Prisma adapter. Accounts are created by admins (CLI), never by self sign-up.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

function trustedOrigins(): string[] {
  const base = env().BETTER_AUTH_URL;
  if (!base) return [];
  const url = new URL(base);
  // The same server is reached as localhost and 127.0.0.1; both are the user's own machine.
  const alias = url.hostname === "localhost" ? "127.0.0.1" : url.hostname === "127.0.0.1" ? "localhost" : null;
  return alias ? [url.origin, `${url.protocol}//${alias}${url.port ? `:${url.port}` : ""}`] : [url.origin];
}

function createAuth() {
  return betterAuth({
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    secret: env().BETTER_AUTH_SECRET ?? "atelier-development-secret-change-me",
    baseURL: env().BETTER_AUTH_URL,
    trustedOrigins: trustedOrigins(),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: { additionalFields: { role: { type: "string", input: false, defaultValue: "viewer" } } },
    session: { expiresIn: 60 * 60 * 24 * 14, cookieCache: { enabled: false } },
    // Slows password guessing; a test run that signs in many times raises the limit.
    rateLimit: {
      enabled: true,
      window: 60,
      max: 600,
      customRules: { "/sign-in/email": { window: 60, max: env().AUTH_SIGN_IN_PER_MINUTE } },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

let instance: ReturnType<typeof createAuth> | undefined;

/** Created on first use, so that importing it (e.g. during `next build`) needs no environment. */
export function getAuth() {
  instance ??= createAuth();
  return instance;
}
