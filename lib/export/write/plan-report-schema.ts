/** The plan report (lib/export/types PlanReport) as zod, so a manifest read back from disk is checked. */
import { z } from "zod";
import { dropReasons, type PlanReport } from "@/lib/export/types";

const count = z.number().int().min(0);
const duplicatePairSchema = z.object({ removed: z.number().int(), kept: z.number().int(), similarity: z.number() });
const splitReportSchema = z.object({ episodes: count, entries: count, tokens: count, repos: count });

export const planReportSchema = z.object({
  components: z.array(
    z.object({
      name: z.string(),
      filter: z.string(),
      matched: count,
      episodes: count,
      entries: count,
      tokens: count,
      truncated: count,
      dropped: z.record(z.enum(dropReasons), count),
      share: z.number(),
    }),
  ),
  dedup: z.object({ exact: z.array(duplicatePairSchema), near: z.array(duplicatePairSchema) }),
  decontamination: z.record(z.string(), count),
  split: z.object({ train: splitReportSchema, validation: splitReportSchema }),
  totals: z.object({ episodes: count, entries: count, tokens: count }),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the schema and the contract type drift apart. */
export const planReportSchemaMatchesType: Same<z.infer<typeof planReportSchema>, PlanReport> = true;
