/** Roles and what each may do. The one permission check everything else calls. */
export const roles = ["viewer", "annotator", "reviewer", "admin"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { viewer: 0, annotator: 1, reviewer: 2, admin: 3 };

/** Roles are ordered: each may do everything the ones below it may. */
export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
