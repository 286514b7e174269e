/**
 * Full-text snippets for one page of results: where `q` matched — the task text or final patch,
 * else the first matching step — as plain text with the matches between markers (the client
 * renders text, never HTML), plus the first matching step's index so the list can jump to it.
 */
import { pool } from "@/lib/db";
import { searchDocument } from "./columns";
import { snippetMarkers } from "./snippet-markers";

export { snippetMarkers };

const headlineOptions = `StartSel=${snippetMarkers.start}, StopSel=${snippetMarkers.stop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** How much of one step's text a snippet reads: steps can be megabytes of output. */
const STEP_SNIPPET_CHARS = 20_000;

export type Snippet = { snippet: string | null; step: number | null };

export async function snippetsFor(episodeIds: readonly number[], q: string): Promise<Map<number, Snippet>> {
  if (episodeIds.length === 0) return new Map();
  const result = await pool.query<{ id: number; doc: string | null; step: number | null; step_snippet: string | null }>(
    `WITH query AS (SELECT websearch_to_tsquery('simple', $2) AS q)
     SELECT c.episode_id AS id,
       CASE WHEN to_tsvector('simple', ${searchDocument}) @@ query.q THEN ts_headline('simple', ${searchDocument}, query.q, $3) END AS doc,
       first_step.idx AS step, first_step.snippet AS step_snippet
     FROM episode_contents c CROSS JOIN query
     LEFT JOIN LATERAL (
       SELECT s.idx, ts_headline('simple', left(s.text, ${STEP_SNIPPET_CHARS}), query.q, $3) AS snippet
       FROM steps s WHERE s.episode_id = c.episode_id AND to_tsvector('simple', left(s.text, ${STEP_SNIPPET_CHARS})) @@ query.q
       ORDER BY s.idx LIMIT 1
     ) first_step ON TRUE
     WHERE c.episode_id = ANY($1::int[])`,
    [episodeIds, q, headlineOptions],
  );
  return new Map(result.rows.map((row) => [row.id, { snippet: row.doc ?? row.step_snippet, step: row.step }]));
}
