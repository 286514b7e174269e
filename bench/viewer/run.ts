/**
 * Viewer benchmark (not part of npm test): how fast the episode page shows its first step and
 * becomes interactive in a real browser (Chromium via Playwright), for the two big episodes of
 * issue #5, and how smoothly it scrolls.
 *
 *   # against a running app (a reviewer or admin account: the episodes are imported via the API)
 *   node --import tsx bench/viewer/run.ts [--base-url http://localhost:3000] --email E --password P [--runs 10]
 *   # or start one (needs a build: `npm start` or `npm test` makes it; builds if the sources changed)
 *   node --import tsx bench/viewer/run.ts --start [--database-url postgresql://postgres@127.0.0.1:5432/atelier_bench_viewer] [--port 3123]
 *
 * Credentials also from ATELIER_EMAIL / ATELIER_PASSWORD; --start creates a throwaway admin.
 * Chromium is /usr/bin/chromium (CHROMIUM_PATH overrides). Other flags: --turns 1000 and --mb 10
 * (the synthetic episode), --scroll-ms 3000, --px-per-frame 120, --key j,
 * --step-selector '[id^="step-"]' (how a step is found on the page).
 *
 * Episodes: (a) fixture 09, mini-swe-agent, 2 MB, 144 messages, 868 kB patch
 * (ATELIER_FIXTURES_DIR or ../shared/fixtures); (b) a generated mini-swe-agent-1 episode of
 * `turns` agent turns (2 steps each: the call and its ~10 kB output), 10 MB. Imports are idempotent.
 *
 * Each run opens the episode in a fresh browser context (empty cache, signed in) and reads, in
 * the page's clock from navigation start:
 *   first step    the first frame in which a step element is laid out;
 *   interactive   the later of: a keypress (`j`) sent as soon as the first step showed was handled
 *                 and the next frame painted, and the end of the last response before the network
 *                 went quiet (Playwright "networkidle");
 *   scroll        the step list scrolled by 120 px every frame for 3 s: the longest frame and the
 *                 share of frames over 50 ms (jank).
 * One warm-up run per episode is not counted. Prints a table, then the figures as JSON.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { chromium, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { fixturePath } from "@/lib/testing/fixtures";
import { firstStepMs, instrument, keyHandledMs, networkQuietMs, scriptedScroll, type ScrollResult } from "./page-metrics";
import { SYNTHETIC_INSTANCE, syntheticEpisode } from "./synthetic-episode";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const isStart = process.argv.includes("--start");
const port = Number(arg("port", "3123"));
const baseUrl = isStart ? `http://localhost:${port}` : arg("base-url", "http://localhost:3000");
const runs = Number(arg("runs", "10"));
const stepSelector = arg("step-selector", '[id^="step-"]');
const key = arg("key", "j");
const scrollMs = Number(arg("scroll-ms", "3000"));
const pxPerFrame = Number(arg("px-per-frame", "120"));
const turns = Number(arg("turns", "1000"));
const megabytes = Number(arg("mb", "10"));
const TIMEOUT_MS = 60_000;
const HUGE_FIXTURE = "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json";

// ---------------------------------------------------------------- the server

async function startServer(): Promise<{ server: ChildProcess; email: string; password: string }> {
  const databaseUrl = arg("database-url", "postgresql://postgres@127.0.0.1:5432/atelier_bench_viewer");
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: "/postgres" }).toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await admin.end();
  process.env.DATABASE_URL = databaseUrl;
  const { applyMigrations } = await import("@/lib/migrate");
  await applyMigrations(databaseUrl);
  const { createUser } = await import("@/lib/auth/users");
  const { disconnect } = await import("@/lib/db");
  const user = await createUser({ email: `bench-${randomBytes(4).toString("hex")}@atelier.local`, role: "admin" });
  await disconnect();
  const { isBuildCurrent, runBuild } = await import("@/scripts/build-stamp");
  if (!isBuildCurrent()) await runBuild();

  const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: randomBytes(24).toString("hex"),
      BETTER_AUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SIGN_IN_PER_MINUTE: "1000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 240; i++) {
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return { server, email: user.email, password: user.password };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill();
  throw new Error(`the app did not answer on ${baseUrl}/api/health`);
}

// ---------------------------------------------------------------- signing in and importing

async function signIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto("/sign-in?next=%2Fepisodes");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/episodes/, { timeout: TIMEOUT_MS });
  const state = await context.storageState();
  return { context, state };
}

/** Imports `body` as one file through POST /api/imports (a duplicate is fine) and returns the episode's id. */
async function importEpisode(request: APIRequestContext, filename: string, body: Buffer | string, find: string): Promise<number> {
  const started = await request.post(`/api/imports?filename=${encodeURIComponent(filename)}`, { data: body, headers: { "content-type": "application/octet-stream" }, timeout: 300_000 });
  if (started.status() !== 202) throw new Error(`import of ${filename}: ${started.status()} ${await started.text()}`);
  const { url } = await started.json();
  for (;;) {
    const batch = await (await request.get(url)).json();
    if (batch.status === "failed") throw new Error(`import of ${filename} failed: ${JSON.stringify(batch.errors).slice(0, 500)}`);
    if (batch.status !== "running") break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const list = await (await request.get(`/api/episodes?${find}&sort=id&dir=desc&limit=1`)).json();
  if (!list.items?.[0]) throw new Error(`imported ${filename}, but /api/episodes?${find} finds nothing`);
  return list.items[0].id;
}

// ---------------------------------------------------------------- measuring

type Run = { firstStepMs: number; interactiveMs: number; keyMs: number; networkQuietMs: number; largestResponseKb: number; scroll: ScrollResult };

async function measureOnce(browser: Browser, state: Awaited<ReturnType<BrowserContext["storageState"]>>, episodeId: number): Promise<Run> {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: state, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    let largest = 0;
    page.on("requestfinished", (request) => {
      request.sizes().then((sizes) => (largest = Math.max(largest, sizes.responseBodySize)), () => undefined);
    });
    await instrument(page, stepSelector);
    await page.goto(`/episodes/${episodeId}`, { waitUntil: "commit" });
    const first = await firstStepMs(page, TIMEOUT_MS);
    const keyMs = await keyHandledMs(page, key, TIMEOUT_MS);
    const quiet = await networkQuietMs(page, TIMEOUT_MS);
    const scroll = await scriptedScroll(page, stepSelector, scrollMs, pxPerFrame);
    return { firstStepMs: first, keyMs, networkQuietMs: quiet, interactiveMs: Math.max(keyMs, quiet), largestResponseKb: Math.round(largest / 1024), scroll };
  } finally {
    await context.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

function summarize(label: string, episodeId: number, results: Run[]) {
  const stat = (pick: (r: Run) => number) => ({ p50: percentile(results.map(pick), 50), p95: percentile(results.map(pick), 95) });
  return {
    episode: label,
    episodeId,
    runs: results.length,
    firstStepMs: stat((r) => r.firstStepMs),
    interactiveMs: stat((r) => r.interactiveMs),
    keyHandledMs: stat((r) => r.keyMs),
    networkQuietMs: stat((r) => r.networkQuietMs),
    largestResponseKb: Math.max(...results.map((r) => r.largestResponseKb)),
    scroll: {
      longestFrameMs: stat((r) => r.scroll.longestFrameMs),
      slowFramePercent: stat((r) => r.scroll.slowFramePercent),
      scrolledPx: percentile(results.map((r) => r.scroll.scrolledPx), 50),
      scroller: results[0]?.scroll.scroller,
    },
  };
}

async function main() {
  let server: ChildProcess | null = null;
  let email = arg("email", process.env.ATELIER_EMAIL ?? "");
  let password = arg("password", process.env.ATELIER_PASSWORD ?? "");
  if (isStart) ({ server, email, password } = await startServer());
  if (!email || !password) throw new Error("Give --email and --password (or ATELIER_EMAIL / ATELIER_PASSWORD), or --start.");

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const { context, state } = await signIn(browser, email, password);
    const fixture = fs.readFileSync(fixturePath(HUGE_FIXTURE));
    const synthetic = syntheticEpisode({ turns, megabytes });
    const targets = [
      { label: "fixture 09 (2 MB, 144 messages, 868 kB patch)", id: await importEpisode(context.request, HUGE_FIXTURE, fixture, "instance=psf__requests-1142&source=mini-swe-agent&steps=144..144") },
      {
        label: `synthetic (${turns} turns, ${(synthetic.length / 1e6).toFixed(1)} MB)`,
        id: await importEpisode(context.request, "bench-viewer-synthetic.traj.json", synthetic, `instance=${SYNTHETIC_INSTANCE}`),
      },
    ];
    await context.close();

    const summaries = [];
    for (const target of targets) {
      const detail = await fetch(`${baseUrl}/api/episodes/${target.id}`, { headers: { cookie: state.cookies.map((c) => `${c.name}=${c.value}`).join("; ") } }).then((r) => r.json());
      console.error(`${target.label}: episode ${target.id}, ${detail.stepCount} steps; warm-up run, then ${runs} runs…`);
      await measureOnce(browser, state, target.id);
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) results.push(await measureOnce(browser, state, target.id));
      summaries.push({ ...summarize(target.label, target.id, results), steps: detail.stepCount as number });
    }

    const row = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(i === 0 ? 58 : 22)).join("");
    console.log(row(["episode", "first step p50/p95", "interactive p50/p95", "longest frame p50/p95", "frames >50 ms p50/p95", "largest response"]));
    for (const s of summaries) {
      console.log(
        row([
          `${s.episode}, ${s.steps} steps`,
          `${s.firstStepMs.p50} / ${s.firstStepMs.p95} ms`,
          `${s.interactiveMs.p50} / ${s.interactiveMs.p95} ms`,
          `${s.scroll.longestFrameMs.p50} / ${s.scroll.longestFrameMs.p95} ms`,
          `${s.scroll.slowFramePercent.p50} / ${s.scroll.slowFramePercent.p95} %`,
          `${s.largestResponseKb} kB on the wire`,
        ]),
      );
    }
    console.log(JSON.stringify({ baseUrl, runs, results: summaries }, null, 2));
  } finally {
    await browser.close();
    server?.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
