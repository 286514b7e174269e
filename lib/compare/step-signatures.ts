/**
 * Every step's signature for one episode, read in one query that takes only the heads of the
 * columns it needs: a 1,000-step episode with 10 kB outputs costs ~100 kB here, not 10 MB.
 */
import { pool } from "@/lib/db";
import { commandArguments, stepSignature, type StepSignature } from "./signature";

const HEAD_CHARS = 300;

const stringArgument = (key: string) => `CASE WHEN jsonb_typeof(s.arguments->'${key}') = 'string' THEN s.arguments->>'${key}' END`;

export async function getStepSignatures(episodeId: number): Promise<StepSignature[]> {
  const result = await pool.query<{ idx: number; kind: string; tool_name: string | null; command: string | null; path: string | null; head: string }>(
    `SELECT s.idx, s.kind::text AS kind, s.tool_name,
       left(coalesce(${commandArguments.map(stringArgument).join(", ")}), $2) AS command,
       coalesce(${stringArgument("path")},
         (SELECT p->>'path' FROM jsonb_array_elements(s.parts) p WHERE p->>'type' = 'file_edit' LIMIT 1)) AS path,
       left(s.text, $2) AS head
     FROM steps s WHERE s.episode_id = $1 ORDER BY s.idx`,
    [episodeId, HEAD_CHARS],
  );
  return result.rows.map((row) =>
    stepSignature({ idx: row.idx, kind: row.kind, toolName: row.tool_name, command: row.command, path: row.path, head: row.head }),
  );
}
