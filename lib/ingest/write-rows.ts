/**
 * Bulk writes for import: one multi-row INSERT per table per flush, built from `unnest` of
 * typed arrays (as fast as COPY for our row sizes, and it runs unchanged on PGlite, which has
 * no COPY FROM STDIN over the wire). Runs inside the caller's transaction.
 */
import type { PoolClient } from "pg";
import type { EpisodeRows } from "./to-rows";

function column<T, V>(rows: readonly T[], pick: (row: T) => V): V[] {
  return rows.map(pick);
}

/**
 * Inserts episodes that are not already stored (by content hash) and returns, for each input
 * row, its new id or null when it was a duplicate.
 */
export async function insertEpisodes(client: PoolClient, batchId: number, rows: readonly EpisodeRows[]): Promise<(number | null)[]> {
  if (rows.length === 0) return [];
  const e = (pick: (r: EpisodeRows["episode"]) => unknown) => column(rows, (r) => pick(r.episode));
  const result = await client.query<{ id: number; content_hash: string }>(
    `INSERT INTO episodes (kind, source_format, format_version, instance_id, repo, agent, model,
        attempt_group, attempt_index, is_best_attempt, exit_status_raw, exit_status_class, resolved,
        f2p_pass, f2p_fail, p2p_pass, p2p_fail, step_count, tool_call_count, token_count, cost_usd,
        api_calls, patch_bytes, files_touched, has_gold_patch, quality_flags, content_hash, import_batch_id, updated_at,
        tools, touched_paths)
     SELECT k::"EpisodeKind", sf, fv, iid, rp, ag, md, grp, aidx, best, esr, esc::"ExitStatusClass", res,
        fp, ff, pp, pf, sc, tc, tk, cost, calls, pb, ft, gold,
        COALESCE(ARRAY(SELECT jsonb_array_elements_text(flags::jsonb)), '{}'), hash, $28, now(),
        COALESCE(ARRAY(SELECT jsonb_array_elements_text(tls::jsonb)), '{}'), tp
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::text[], $9::int[], $10::bool[], $11::text[], $12::text[], $13::bool[], $14::int[], $15::int[],
        $16::int[], $17::int[], $18::int[], $19::int[], $20::int[], $21::float8[], $22::int[], $23::int[],
        $24::int[], $25::bool[], $26::text[], $27::text[], $29::text[], $30::text[])
       AS t(k, sf, fv, iid, rp, ag, md, grp, aidx, best, esr, esc, res, fp, ff, pp, pf, sc, tc, tk, cost,
        calls, pb, ft, gold, flags, hash, tls, tp)
     ON CONFLICT (content_hash) DO NOTHING
     RETURNING id, content_hash`,
    [
      e((r) => r.kind),
      e((r) => r.sourceFormat),
      e((r) => r.formatVersion),
      e((r) => r.instanceId),
      e((r) => r.repo),
      e((r) => r.agent),
      e((r) => r.model),
      e((r) => r.attemptGroup),
      e((r) => r.attemptIndex),
      e((r) => r.isBestAttempt),
      e((r) => r.exitStatusRaw),
      e((r) => r.exitStatusClass),
      e((r) => r.resolved),
      e((r) => r.f2pPass),
      e((r) => r.f2pFail),
      e((r) => r.p2pPass),
      e((r) => r.p2pFail),
      e((r) => r.stepCount),
      e((r) => r.toolCallCount),
      e((r) => r.tokenCount),
      e((r) => r.costUsd),
      e((r) => r.apiCalls),
      e((r) => r.patchBytes),
      e((r) => r.filesTouched),
      e((r) => r.hasGoldPatch),
      e((r) => JSON.stringify(r.qualityFlags)),
      column(rows, (r) => r.contentHash),
      batchId,
      e((r) => JSON.stringify(r.tools)),
      e((r) => r.touchedPaths),
    ],
  );
  const idByHash = new Map(result.rows.map((row) => [row.content_hash, row.id]));
  // Two identical episodes in one flush: only the first claims the id.
  return rows.map((row) => {
    const id = idByHash.get(row.contentHash) ?? null;
    if (id !== null) idByHash.delete(row.contentHash);
    return id;
  });
}

export async function insertContents(client: PoolClient, rows: readonly { id: number; row: EpisodeRows }[]): Promise<void> {
  if (rows.length === 0) return;
  const c = (pick: (r: EpisodeRows["content"]) => unknown) => rows.map(({ row }) => pick(row.content));
  await client.query(
    `INSERT INTO episode_contents (episode_id, task_text, base_commit, final_patch, gold_patch, test_patch,
        pull_request, outcome, quality, meta, source_file, source_location, raw_sha256, raw_gzip, search_vector)
     SELECT id, tt, bc, fp, gp, tp, pr::jsonb, oc::jsonb, q::jsonb, m::jsonb, sf, sl, rs, rg, to_tsvector('simple', st)
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[], $14::bytea[], $15::text[])
       AS t(id, tt, bc, fp, gp, tp, pr, oc, q, m, sf, sl, rs, rg, st)`,
    [
      rows.map(({ id }) => id),
      c((r) => r.taskText),
      c((r) => r.baseCommit),
      c((r) => r.finalPatch),
      c((r) => r.goldPatch),
      c((r) => r.testPatch),
      c((r) => r.pullRequest),
      c((r) => r.outcome),
      c((r) => r.quality),
      c((r) => r.meta),
      c((r) => r.sourceFile),
      c((r) => r.sourceLocation),
      c((r) => r.rawSha256),
      c((r) => r.rawGzip),
      c((r) => r.searchText),
    ],
  );
}

/**
 * Steps are the bulk of every import, so they travel as one JSON document expanded by
 * json_to_recordset on the server: much cheaper for Node than escaping millions of array
 * elements. The parts, arguments and meta are already JSON text and are spliced in as values.
 */
export async function insertSteps(client: PoolClient, rows: readonly { id: number; row: EpisodeRows }[]): Promise<void> {
  const items: string[] = [];
  for (const { id, row } of rows) {
    for (const s of row.steps) {
      items.push(
        `{"e":${id},"i":${s.idx},"r":"${s.role}","k":"${s.kind}","n":${JSON.stringify(s.toolName)},"t":${JSON.stringify(s.text)},` +
          `"a":${s.arguments ?? "null"},"x":${s.exitCode ?? "null"},"p":${s.parts},"m":${s.meta ?? "null"}}`,
      );
    }
  }
  if (items.length === 0) return;
  await client.query(
    `INSERT INTO steps (episode_id, idx, role, kind, tool_name, text, arguments, exit_code, parts, meta)
     SELECT e, i, r::"StepRole", k::"StepKind", n, t, a::jsonb, x, p::jsonb, m::jsonb
     FROM json_to_recordset($1::json) AS t(e int, i int, r text, k text, n text, t text, a json, x int, p json, m json)`,
    [`[${items.join(",")}]`],
  );
}
