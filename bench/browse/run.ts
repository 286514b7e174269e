/**
 * Browse benchmark (not part of npm test): server-side latency of the list, facet counts and full
 * text on the database built by bench/browse/generate.ts, through the same lib/search functions
 * the REST API calls. Also prints the cold load of the in-memory corpus index and its heap, and
 * (--explain) the plans of the queries that matter.
 *
 *   node --import tsx bench/browse/run.ts [--database atelier_bench_browse] [--runs 30]
 */
import { pool } from "@/lib/db";
import { corpusIndex } from "@/lib/search/corpus/corpus-index";
import { clearFacetCache, facetCounts, indexTotal } from "@/lib/search/facets";
import { parseEpisodeFilter } from "@/lib/search/filter";
import { findEpisodes } from "@/lib/search/find-episodes";
import { findGroups, instanceModelMatrix } from "@/lib/search/groups";
import { insights } from "@/lib/insights/insights";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const database = arg("database", "atelier_bench_browse");
const runs = Number(arg("runs", "30"));
process.env.DATABASE_URL ??= `postgresql://postgres@127.0.0.1:5432/${database}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(label: string, run: () => Promise<unknown>) {
  await run(); // warm the cache and the plan
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const row = { label, p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1) };
  console.log(`${label.padEnd(58)} p50 ${String(row.p50).padStart(7)} ms   p95 ${String(row.p95).padStart(7)} ms`);
  return row;
}

const list = (query: string) => () => findEpisodes(parseEpisodeFilter(new URLSearchParams(query)), { limit: 50 });

/** Facet counts computed each time (the answer cache cleared), i.e. the cost after any change to the corpus. */
const facets = (query: string) => () => {
  clearFacetCache();
  return facetCounts(parseEpisodeFilter(new URLSearchParams(query)));
};

async function explain(label: string, query: string) {
  const { findEpisodesSql } = await import("@/lib/search/find-episodes");
  const { text, values } = findEpisodesSql(parseEpisodeFilter(new URLSearchParams(query)), 50);
  const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values);
  console.log(`\n-- ${label}: ${query || "(no filter)"}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
}

async function main() {
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStart = performance.now();
  const store = await corpusIndex().current();
  const loadMs = performance.now() - loadStart;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  console.log(`corpus index: ${store.count} episodes loaded in ${(loadMs / 1000).toFixed(1)} s, ~${heapMb.toFixed(0)} MB heap (arrays outside the heap not counted: ${(process.memoryUsage().arrayBuffers / 1e6).toFixed(0)} MB array buffers)`);
  const top = await pool.query<{ repo: string; model: string }>(
    `SELECT (SELECT repo FROM episodes GROUP BY repo ORDER BY count(*) DESC LIMIT 1) AS repo,
            (SELECT model FROM episodes WHERE model IS NOT NULL GROUP BY model ORDER BY count(*) DESC LIMIT 1) AS model`,
  );
  const { repo, model } = top.rows[0];
  const rows = [];
  rows.push(await measure("list: default (newest first)", list("")));
  const single: [string, string][] = [
    ["kind=contextual&sort=steps", "kind + sort by steps"],
    ["source=openhands&sort=tokens", "source format + sort by tokens"],
    [`repo=${encodeURIComponent(repo)}&sort=created`, "repo (largest) + newest"],
    ["agent=openhands&sort=cost", "agent + sort by cost"],
    [`model=${encodeURIComponent(model)}&sort=patch`, "model (largest) + sort by patch bytes"],
    ["exit=limit&sort=steps&dir=asc", "exit-status class + fewest steps"],
    ["resolved=true&sort=tokens", "resolved + sort by tokens"],
    ["review=approved&sort=created", "review status + newest"],
    ["flag=stuck_loop&sort=steps", "quality flag + sort by steps"],
    ["steps=60..&sort=created", "steps >= 60 + newest"],
  ];
  for (const [query, label] of single) rows.push(await measure(`list: ${label}`, list(query)));
  rows.push(await measure("list: three facets (model + exit + resolved)", list(`model=${encodeURIComponent(model)}&exit=submitted&resolved=false&sort=steps`)));
  rows.push(
    await measure("exact total alone, uncached (three facets; a list's first page pays it once per filter and corpus change)", () => {
      clearFacetCache();
      return indexTotal(parseEpisodeFilter(new URLSearchParams(`model=${encodeURIComponent(model)}&exit=submitted&resolved=false`)));
    }),
  );
  rows.push(await measure("list: used tool X (structural)", list("tool=python&sort=created")));
  rows.push(await measure("list: label (array facet)", list("label=tricky&sort=created")));
  rows.push(await measure("list: touched path glob tests/*.py", list("path=tests/*.py")));
  rows.push(await measure("facet counts + histograms: no filter", facets("")));
  rows.push(await measure("facet counts + histograms: no filter, answer cached (unchanged corpus)", () => facetCounts(parseEpisodeFilter(new URLSearchParams("")))));
  rows.push(await measure("facet counts + histograms: kind=environmental&resolved=false", facets("kind=environmental&resolved=false")));
  rows.push(await measure("facet counts + histograms: three facets + range", facets(`model=${encodeURIComponent(model)}&exit=submitted&label=good&steps=20..`)));
  rows.push(await measure("facet counts + histograms: rare full text", facets("q=rarestepword")));
  rows.push(await measure("facet counts + histograms: common full text (~1/20 of corpus)", facets("q=timeout%20parser")));
  const filterOf = (query: string) => parseEpisodeFilter(new URLSearchParams(query));
  rows.push(await measure("rollout groups: page 1, no filter", () => findGroups(filterOf(""), { limit: 50 })));
  rows.push(await measure("rollout groups: page 1, model filter", () => findGroups(filterOf(`model=${encodeURIComponent(model)}`), { limit: 50 })));
  rows.push(await measure("instance x model matrix: page 1", () => instanceModelMatrix(filterOf(""), { limit: 100 })));
  rows.push(await measure("insights: no filter", () => insights(filterOf(""))));
  rows.push(await measure("insights: kind=environmental&resolved=false", () => insights(filterOf("kind=environmental&resolved=false"))));
  rows.push(await measure("full text: q=timeout parser", list("q=timeout%20parser")));
  rows.push(await measure("full text: q=unicode + repo", list(`q=unicode&repo=${encodeURIComponent(repo)}`)));
  rows.push(await measure("full text in step contents: q=rarestepword", list("q=rarestepword")));

  // Page 1,000 of the default list: walk the cursors once, then time that page.
  let cursor: string | undefined;
  const filter = parseEpisodeFilter(new URLSearchParams(""));
  for (let page = 1; page < 1000; page++) cursor = (await findEpisodes(filter, { cursor, limit: 50 })).nextCursor ?? undefined;
  rows.push(await measure("list: page 1,000 via keyset cursor", () => findEpisodes(filter, { cursor, limit: 50 })));

  if (process.argv.includes("--explain")) {
    await explain("default list", "");
    await explain("facet + sort", `model=${encodeURIComponent(model)}&sort=patch`);
    await explain("three facets", `model=${encodeURIComponent(model)}&exit=submitted&resolved=false&sort=steps`);
    await explain("full text", "q=timeout%20parser");
    await explain("full text, rare word in steps", "q=rarestepword");
    await explain("touched path glob", "path=tests/*.py");
  }

  const size = await pool.query<{ size: string; episodes: string; steps: string }>(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS size, (SELECT count(*) FROM episodes) AS episodes,
            (SELECT reltuples::bigint FROM pg_class WHERE relname = 'steps') AS steps`,
  );
  console.log(JSON.stringify({ database: size.rows[0], results: rows }));
  await pool.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
