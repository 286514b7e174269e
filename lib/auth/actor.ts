/** Who is calling: a signed-in user (session cookie) or a pipeline (Bearer API key). */
import { prisma } from "@/lib/db";
import { getAuth } from "./auth";
import { findApiKey } from "./api-keys";
import { isRole, type Role } from "./roles";

export type Actor =
  | { type: "user"; id: string; email: string; name: string; role: Role }
  | { type: "api_key"; id: number; name: string; role: Role };

export async function resolveActor(headers: Headers): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const key = await findApiKey(authorization.slice(7).trim());
    return key ? { type: "api_key", id: key.id, name: key.name, role: key.role } : null;
  }
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  // The role is read fresh so a demotion takes effect on the next request.
  const user = await prisma.user.findUnique({ where: { id: session.user.id }, select: { role: true } });
  if (!user || !isRole(user.role)) return null;
  return { type: "user", id: session.user.id, email: session.user.email, name: session.user.name, role: user.role };
}

/** The user id to record as author of a change, when a person (not a key) made it. */
export function actorUserId(actor: Actor): string | null {
  return actor.type === "user" ? actor.id : null;
}
