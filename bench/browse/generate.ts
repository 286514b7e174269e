/**
 * Browse benchmark data (not part of npm test): a million episodes and ~thirty million steps,
 * generated inside PostgreSQL with generate_series (minutes, not hours), in the real schema with
 * every production index in place.
 *
 *   node --import tsx bench/browse/generate.ts [--episodes 1000000] [--steps 30] [--database atelier_bench_browse]
 *
 * Distributions are skewed like real corpora: a few repositories and models dominate, most
 * rollouts are short with a long tail, ~30% resolve, flags are rare.
 */
import pg from "pg";
import { applyMigrations } from "@/lib/migrate";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const episodes = Number(arg("episodes", "1000000"));
const meanSteps = Number(arg("steps", "30"));
const database = arg("database", "atelier_bench_browse");
const server = arg("server", "postgresql://postgres@127.0.0.1:5432/postgres");

const repos = Array.from({ length: 300 }, (_, i) => `org${i % 37}/project-${i}`);
const models = ["claude-3-7-sonnet-20250219", "gpt-4o-2024-08-06", "qwen2.5-coder-32b", "llama-4-maverick", "gemini-3-pro-preview", "deepseek-v3", "o3-mini", "claude-sonnet-4", "gpt-5-mini", "kimi-k2", "glm-4.6", "devstral-small"];
const agents = ["swe-agent", "mini-swe-agent", "openhands", "CodeActAgent"];
const words = ["parser", "timeout", "unicode", "cache", "migration", "serializer", "regression", "index", "iterator", "config", "logging", "decimal", "timezone", "encoding", "import", "router", "template", "session", "locale", "thread"];
const tools = ["bash", "str_replace_editor", "submit", "execute_bash", "finish", "think", "python"];

function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;
}

async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

async function main() {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${database}`;
  await time("migrations", () => applyMigrations(url.toString()));

  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  const batch = await client.query<{ id: number }>(`INSERT INTO import_batches (source, status) VALUES ('bench', 'committed') RETURNING id`);
  const batchId = batch.rows[0].id;

  // The change feed is for live servers; a bulk load would only fill it with a million rows.
  await client.query("ALTER TABLE episodes DISABLE TRIGGER USER");
  const toolOf = (idx: string, id: string) => `(${sqlArray(tools)})[1 + floor(7 * (((${id} * 7 + ${idx}) % 97) / 97.0) ^ 2)::int]`;

  // Skew: index = floor(n * random()^k) puts most rows on the first few values. Ids are given
  // explicitly so the steps (generated from the same formula) agree with episodes.tools.
  await time(`episodes (${episodes})`, () =>
    client.query(`
      INSERT INTO episodes (id, kind, source_format, format_version, instance_id, repo, agent, model, exit_status_raw,
        exit_status_class, resolved, f2p_pass, f2p_fail, p2p_pass, p2p_fail, step_count, tool_call_count, token_count,
        cost_usd, api_calls, patch_bytes, files_touched, quality_flags, review_status, reviewed_at, labels, score, annotators,
        tools, touched_paths, content_hash, import_batch_id, created_at, updated_at)
      SELECT i,
        CASE WHEN r1 < 0.2 THEN 'contextual' ELSE 'environmental' END::"EpisodeKind",
        CASE WHEN r1 < 0.2 THEN 'atelier-pr' WHEN r2 < 0.5 THEN 'swe-agent' WHEN r2 < 0.75 THEN 'mini-swe-agent' WHEN r2 < 0.92 THEN 'openhands' ELSE 'chat' END,
        '1.x',
        replace(repo, '/', '__') || '-' || (i % 5000),
        repo,
        CASE WHEN r1 < 0.2 THEN NULL ELSE (${sqlArray(agents)})[1 + floor(4 * r3 ^ 2)::int] END,
        CASE WHEN r1 < 0.2 THEN NULL ELSE (${sqlArray(models)})[1 + floor(12 * r4 ^ 2)::int] END,
        CASE WHEN r5 < 0.7 THEN 'submitted' WHEN r5 < 0.85 THEN 'exit_cost' WHEN r5 < 0.93 THEN 'exit_context' ELSE 'exit_format' END,
        (CASE WHEN r1 < 0.2 THEN 'unknown' WHEN r5 < 0.7 THEN 'submitted' WHEN r5 < 0.85 THEN 'limit' WHEN r5 < 0.93 THEN 'context_overflow' ELSE 'format_error' END)::"ExitStatusClass",
        CASE WHEN r1 < 0.2 OR r6 < 0.15 THEN NULL ELSE r6 < 0.45 END,
        CASE WHEN r6 < 0.15 THEN NULL ELSE 1 END, CASE WHEN r6 < 0.15 THEN NULL ELSE (r6 >= 0.45)::int END,
        CASE WHEN r6 < 0.15 THEN NULL ELSE 40 + (i % 60) END, CASE WHEN r6 < 0.15 THEN NULL ELSE (r7 < 0.05)::int * 3 END,
        steps, steps / 2, steps * (300 + (i % 900)),
        round((steps * 0.011 * (0.5 + r2))::numeric, 4), steps / 2,
        CASE WHEN r7 < 0.06 THEN 0 ELSE 200 + floor(20000 * r3 ^ 3)::int END,
        CASE WHEN r7 < 0.06 THEN 0 ELSE 1 + floor(8 * r4 ^ 3)::int END,
        array_remove(ARRAY[
          CASE WHEN r7 < 0.06 THEN 'empty_patch' END, CASE WHEN r8 < 0.04 THEN 'stuck_loop' END,
          CASE WHEN r8 > 0.97 THEN 'junk_in_patch' END, CASE WHEN r2 < 0.08 THEN 'edits_tests' END,
          CASE WHEN r7 > 0.95 THEN 'regression' END, CASE WHEN r5 > 0.85 THEN 'hit_limit' END], NULL),
        (CASE WHEN r8 < 0.7 THEN 'pending' WHEN r8 < 0.85 THEN 'approved' WHEN r8 < 0.95 THEN 'rejected' ELSE 'needs_changes' END)::"ReviewStatus",
        CASE WHEN r8 < 0.7 THEN NULL ELSE now() - (r9 * interval '60 days') END,
        array_remove(ARRAY[CASE WHEN r9 < 0.1 THEN 'good' END, CASE WHEN r9 > 0.95 THEN 'tricky' END, CASE WHEN r3 < 0.02 THEN 'needs-rerun' END], NULL),
        CASE WHEN r8 < 0.7 THEN NULL ELSE round(r9::numeric, 2) END,
        CASE WHEN r8 < 0.7 THEN '{}'::text[] ELSE ARRAY['annotator-' || (1 + floor(8 * r9 ^ 2)::int)] END,
        CASE WHEN steps > 2 THEN ARRAY(SELECT DISTINCT ${toolOf("idx", "i")} FROM generate_series(2, steps - 1) AS idx ORDER BY 1) ELSE '{}' END,
        CASE WHEN r7 < 0.06 THEN '' ELSE 'src/' || (${sqlArray(words)})[1 + i % 20] || '.py' || CASE WHEN r2 < 0.08 THEN E'\\ntests/test_' || (${sqlArray(words)})[1 + i % 20] || '.py' ELSE '' END END,
        md5('bench-' || i), ${batchId},
        now() - (i::float / ${episodes}) * interval '90 days', now()
      FROM (
        SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9,
          (${sqlArray(repos)})[1 + floor(300 * random() ^ 3)::int] AS repo,
          greatest(2, least(400, floor(${meanSteps} * 0.35 * exp(random() * 2.1))::int)) AS steps
        FROM generate_series(1, ${episodes}) AS i
      ) g`),
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('episodes', 'id'), ${episodes})`);

  await time(`steps (~${episodes * meanSteps})`, () =>
    client.query(`
      INSERT INTO steps (episode_id, idx, role, kind, tool_name, text, exit_code, parts)
      SELECT e.id, s.idx,
        (CASE WHEN s.idx = 0 THEN 'system' WHEN s.idx = 1 THEN 'user' WHEN s.idx % 2 = 0 THEN 'assistant' ELSE 'tool' END)::"StepRole",
        (CASE WHEN s.idx < 2 THEN 'message' WHEN s.idx % 2 = 0 THEN 'tool_call' ELSE 'observation' END)::"StepKind",
        CASE WHEN s.idx >= 2 THEN ${toolOf("s.idx", "e.id")} END,
        CASE WHEN s.idx % 2 = 0 THEN 'run ' || (${sqlArray(words)})[1 + (e.id + s.idx) % 20] || ' check'
             ELSE 'output of ' || (${sqlArray(words)})[1 + (e.id * s.idx) % 20] || ' line ' || s.idx
               || CASE WHEN (e.id * 31 + s.idx) % 50000 = 0 THEN ' rarestepword' ELSE '' END END,
        CASE WHEN s.idx >= 2 AND s.idx % 2 = 1 THEN ((e.id + s.idx) % 5 = 0)::int END,
        '[]'::jsonb
      FROM episodes e, generate_series(0, e.step_count - 1) AS s(idx)`),
  );

  // The search document is what import writes (lib/ingest/to-rows.ts searchText): task text,
  // final patch, then the steps' text in order.
  await time("episode contents + search vectors", () =>
    client.query(`
      INSERT INTO episode_contents (episode_id, task_text, final_patch, source_file, source_location, raw_sha256, raw_gzip, search_vector)
      SELECT id, task, patch, 'bench', id, md5(id::text), '\\x00'::bytea,
        to_tsvector('simple', coalesce(task, '') || ' ' || coalesce(patch, '') || ' ' ||
          left(coalesce((SELECT string_agg(s.text, ' ' ORDER BY s.idx) FROM steps s WHERE s.episode_id = g.id), ''), 300000))
      FROM (
        SELECT id,
          'Fix ' || (${sqlArray(words)})[1 + id % 20] || ' bug in ' || repo || ': ' || (${sqlArray(words)})[1 + (id / 20) % 20] ||
            ' fails when ' || (${sqlArray(words)})[1 + (id / 400) % 20] || ' is empty (issue ' || id || ')' AS task,
          CASE WHEN patch_bytes = 0 THEN NULL ELSE 'diff --git a/src/' || (${sqlArray(words)})[1 + id % 20] || '.py b/src/' || (${sqlArray(words)})[1 + id % 20] || '.py' END AS patch
        FROM episodes
      ) g`),
  );
  await client.query("ALTER TABLE episodes ENABLE TRIGGER USER");

  await time("analyze", () => client.query("ANALYZE"));
  const size = await client.query<{ size: string; steps: string; episodes: string }>(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS size, (SELECT count(*) FROM steps) AS steps, (SELECT count(*) FROM episodes) AS episodes`,
  );
  console.log(JSON.stringify(size.rows[0]));
  await client.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
