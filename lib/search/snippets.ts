/**
 * Full-text snippets for one page of results: where `q` matched in the task text or final patch,
 * as plain text with the matches between markers (the client renders text, never HTML).
 */
import { pool } from "@/lib/db";
import { searchDocument } from "./columns";

export const snippetMarkers = { start: "⟦", stop: "⟧" } as const;

const headlineOptions = `StartSel=${snippetMarkers.start}, StopSel=${snippetMarkers.stop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export async function snippetsFor(episodeIds: readonly number[], q: string): Promise<Map<number, string>> {
  if (episodeIds.length === 0) return new Map();
  const result = await pool.query<{ id: number; snippet: string }>(
    `SELECT c.episode_id AS id, ts_headline('simple', ${searchDocument}, websearch_to_tsquery('simple', $2), $3) AS snippet
     FROM episode_contents c WHERE c.episode_id = ANY($1::int[])`,
    [episodeIds, q, headlineOptions],
  );
  return new Map(result.rows.map((row) => [row.id, row.snippet]));
}
