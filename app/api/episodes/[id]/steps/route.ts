import { z } from "zod";
import { route } from "@/lib/http";
import { readStepWindow, stepWindowQuerySchema } from "@/lib/viewer/read-steps";

const idSchema = z.coerce.number().int().positive();

/** A range of steps, long fields cut (see lib/viewer/read-steps.ts); `to` says where to go on. */
export const GET = route({ role: "viewer", query: stepWindowQuerySchema }, async ({ params, query }) =>
  readStepWindow(idSchema.parse(params.id), query),
);
