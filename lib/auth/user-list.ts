/** Listing accounts for pickers (the audit trail's actor filter): who exists and with which role. */
import { z } from "zod";
import { prisma } from "@/lib/db";
import { roles } from "./roles";

export const userSummarySchema = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(roles) });
export const userListSchema = z.object({ items: z.array(userSummarySchema) });
export type UserList = z.infer<typeof userListSchema>;

/** Every account, by email. */
export async function listUsers(): Promise<UserList> {
  const users = await prisma.user.findMany({ select: { id: true, name: true, email: true, role: true }, orderBy: { email: "asc" } });
  return { items: users };
}
