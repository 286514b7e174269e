import { z } from "zod";
import { createApiKey } from "@/lib/auth/api-keys";
import { roles } from "@/lib/auth/roles";

const createKeySchema = z.object({ name: z.string().min(1), role: z.enum(roles) });

export async function createKey(options: unknown): Promise<number> {
  const input = createKeySchema.parse(options);
  const key = await createApiKey(input);
  console.log(`Created API key "${key.name}" (${key.role}). It is shown only this once:`);
  console.log(key.key);
  console.log(`Use it as: Authorization: Bearer ${key.key}`);
  return 0;
}
