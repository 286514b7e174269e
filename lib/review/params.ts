/** Path parameters of the review routes. */
import { z } from "zod";

/** A numeric id in the path (Postgres int range). */
export const idParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

export function idParam(params: Record<string, string>, name: string): number {
  return idParamSchema.parse(params[name]);
}
