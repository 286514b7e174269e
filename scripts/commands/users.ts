import { z } from "zod";
import { roles } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";

const addUserSchema = z.object({
  email: z.string().email(),
  role: z.enum(roles),
  password: z.string().min(8).optional(),
  name: z.string().optional(),
});

export async function addUser(options: unknown): Promise<number> {
  const input = addUserSchema.parse(options);
  const user = await createUser(input);
  console.log(`Created ${user.role} ${user.email}`);
  if (!input.password) console.log(`Password: ${user.password}`);
  return 0;
}
