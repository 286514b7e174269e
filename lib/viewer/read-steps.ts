/**
 * Step ranges for the viewer's timeline: the typed parts with long fields cut (step-caps.ts), read
 * in small batches until the range or the response budget is used up, so neither a 1,000-step
 * episode nor one megabyte-long observation makes a response of more than a few MB. The client
 * continues from `to` when a response stops short of what it asked for.
 */
import { z } from "zod";
import { prisma } from "@/lib/db";
import { stepKinds, stepPartSchema, stepRoles } from "@/lib/formats/episode";
import { capParts, FIELD_CAP_CHARS, FULL_STEP_FIELD_CAP_CHARS, scalarMeta, type FieldClip } from "./step-caps";

export const stepWindowQuerySchema = z
  .object({
    from: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    /** One step with its fields cut only at FULL_STEP_FIELD_CAP_CHARS ("load the full step"). */
    full: z.enum(["true", "false"]).transform((v) => v === "true").default(false),
  })
  .refine((q) => !q.full || q.limit === 1, { message: "full=true reads one step: use limit=1.", path: ["full"] });
export type StepWindowQuery = z.output<typeof stepWindowQuerySchema>;

/** About 2 MB of text per response (more as UTF-8 for non-ASCII, still "a few MB"). */
export const RESPONSE_BUDGET_CHARS = 2_000_000;
const BATCH = 50;

const partsSchema = z.array(stepPartSchema);

export type ViewerStep = {
  idx: number;
  role: (typeof stepRoles)[number];
  kind: (typeof stepKinds)[number];
  toolName: string | null;
  exitCode: number | null;
  parts: z.infer<typeof partsSchema>;
  /** Fields cut for transport; empty when the step is whole. */
  clips: FieldClip[];
  meta: Record<string, string | number | boolean>;
};

export type StepWindow = {
  steps: ViewerStep[];
  /** Exclusive end of what this response covers; less than from + limit when the budget ran out. */
  to: number;
};

export async function readStepWindow(episodeId: number, { from, limit, full }: StepWindowQuery): Promise<StepWindow> {
  const end = from + limit;
  const cap = full ? FULL_STEP_FIELD_CAP_CHARS : FIELD_CAP_CHARS;
  const steps: ViewerStep[] = [];
  let chars = 0;
  let next = from;
  while (next < end) {
    const batchEnd = Math.min(end, next + BATCH);
    const rows = await prisma.step.findMany({
      where: { episodeId, idx: { gte: next, lt: batchEnd } },
      orderBy: { idx: "asc" },
      select: { idx: true, role: true, kind: true, toolName: true, exitCode: true, parts: true, meta: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const parsed = partsSchema.safeParse(row.parts);
      const capped = capParts(parsed.success ? parsed.data : [], cap);
      // Always at least one step, so the client makes progress whatever the step's size.
      if (steps.length > 0 && chars + capped.chars > RESPONSE_BUDGET_CHARS) return { steps, to: row.idx };
      chars += capped.chars;
      steps.push({ ...row, parts: capped.parts, clips: capped.clips, meta: scalarMeta(row.meta) });
    }
    next = batchEnd;
  }
  return { steps, to: end };
}
