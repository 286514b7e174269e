/** The one permission check, shared by route handlers (lib/http.ts) and server components. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { resolveActor, type Actor } from "./actor";
import { hasRole, type Role } from "./roles";

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

/** Throws 401 when nobody is signed in, 403 when the actor's role is below `required`. */
export function checkRole(actor: Actor | null, required: Role): Actor {
  if (!actor) throw new AuthError(401, "Sign in or send an API key (Authorization: Bearer …).");
  if (!hasRole(actor.role, required)) throw new AuthError(403, `This needs the ${required} role; you are ${actor.role}.`);
  return actor;
}

/** For server components: redirects to sign-in instead of throwing 401. */
export async function requirePageRole(required: Role, returnTo: string): Promise<Actor> {
  const actor = await resolveActor(await headers());
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return checkRole(actor, required);
}
