/**
 * The parts of an episode that tell how its files changed (GET /api/episodes/:id/edits): editor
 * calls with the edits read from them and the answers they got, recorded edits, shell commands
 * that name file changes — plus the final patch and a pull-request sample's files before its
 * edits. Steps are read by range, and shell output (the bulk of a long episode) is never read.
 */
import { z } from "zod";
import { pool, prisma } from "@/lib/db";
import { stepPartSchema, type StepPart } from "@/lib/formats/episode";
import { actionBuilder, actionRecords, shellToolNames, type EpisodeEdits } from "./edit-actions";

const pageSize = 500;
/** One listing bigger than this is a dump, not a file view; the sum keeps the response to a few MB. */
const maxObservationChars = 512 * 1024;
const maxTotalObservationChars = 6 * 1024 * 1024;

const partsSchema = z.array(z.unknown());
const pullRequestFilesSchema = z.object({ files: z.array(z.object({ path: z.string(), content: z.string() })) });

export async function getEpisodeEdits(episodeId: number): Promise<EpisodeEdits | null> {
  const content = await prisma.episodeContent.findUnique({ where: { episodeId }, select: { finalPatch: true, pullRequest: true } });
  if (!content) return null;
  const builder = actionBuilder();
  let observationChars = 0;
  let truncated = false;

  /** An observation too big to keep is passed on without its text: it still answers its call. */
  const capped = (part: StepPart): StepPart => {
    if (part.type !== "observation") return part;
    observationChars += part.text.length;
    if (part.text.length <= maxObservationChars && observationChars <= maxTotalObservationChars) return part;
    truncated = true;
    return { ...part, text: "" };
  };

  for (let from = 0; ; ) {
    const { rows } = await pool.query<{ idx: number; parts: unknown }>(
      `SELECT idx, parts FROM steps
        WHERE episode_id = $1 AND idx >= $2
          AND kind IN ('file_edit', 'tool_call', 'observation')
          AND NOT (kind = 'observation' AND tool_name = ANY($3::text[]))
        ORDER BY idx LIMIT $4`,
      [episodeId, from, shellToolNames, pageSize],
    );
    for (const row of rows) {
      const parts = partsSchema.safeParse(row.parts);
      for (const raw of parts.success ? parts.data : []) {
        const part = stepPartSchema.safeParse(raw);
        if (part.success) builder.add({ stepIdx: row.idx, part: capped(part.data) });
      }
    }
    if (rows.length < pageSize) break;
    from = rows[rows.length - 1].idx + 1;
  }
  const pullRequest = pullRequestFilesSchema.safeParse(content.pullRequest);
  const baseFiles = pullRequest.success ? pullRequest.data.files.map(({ path, content }) => ({ path, content })) : [];
  return { edits: actionRecords(builder.actions), finalPatch: content.finalPatch, baseFiles, truncated };
}
