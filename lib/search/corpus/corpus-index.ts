/**
 * The in-memory corpus index: every episode's filterable columns, loaded once and then kept
 * current from the `episode_changes` feed that triggers on `episodes` write (see migration
 * 20261125000000_browse). Facet counts, exact totals and histograms over a million episodes are
 * then a pass over memory (tens of milliseconds) rather than a dozen scans of the table.
 *
 * Catching up is exact without locks: each sync remembers the oldest transaction still running
 * when it read the feed (`pg_snapshot_xmin`) and next time re-reads every change from that
 * transaction on, so a long import that commits late is never missed; applying a change twice
 * is harmless (the row is re-read, or found gone and dropped).
 */
import type { Pool } from "pg";
import { pool as sharedPool } from "@/lib/db";
import { CorpusStore, type IndexedEpisode } from "./store";

const LOAD_CHUNK = 50_000;
/** The feed keeps a day; an index that has not synced for longer reloads instead. */
const FEED_RETENTION = "1 day";
const MAX_SYNC_GAP_MS = 12 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;
const SEPARATOR = "\u001f";

const columns = `e.id, e.kind::text, e.source_format, e.repo, e.agent, e.model, e.exit_status_class::text,
  e.review_status::text, e.import_batch_id::text, e.instance_id,
  array_to_string(e.quality_flags, E'\\x1f'), array_to_string(e.labels, E'\\x1f'),
  array_to_string(e.annotators, E'\\x1f'), array_to_string(e.tools, E'\\x1f'),
  e.step_count, e.token_count, e.cost_usd, e.score::float8, e.patch_bytes, e.files_touched,
  (extract(epoch FROM e.created_at) * 1000)::float8, (extract(epoch FROM e.reviewed_at) * 1000)::float8,
  e.resolved, (e.f2p_pass IS NOT NULL OR e.p2p_pass IS NOT NULL), e.has_gold_patch`;

type Row = [
  number, string, string, string | null, string | null, string | null, string, string, string, string | null,
  string | null, string | null, string | null, string | null,
  number, number, number | null, number | null, number, number, number, number | null,
  boolean | null, boolean, boolean,
];

function list(text: string | null): string[] | null {
  return text ? text.split(SEPARATOR) : null;
}

function toIndexed(r: Row): IndexedEpisode {
  return {
    id: r[0],
    single: { kind: r[1], source: r[2], repo: r[3], agent: r[4], model: r[5], exit: r[6], review: r[7], batch: r[8], instance: r[9] },
    multi: { flag: list(r[10]), label: list(r[11]), annotator: list(r[12]), tool: list(r[13]) },
    numbers: {
      steps: r[14],
      tokens: r[15],
      cost: r[16] ?? NaN,
      score: r[17] ?? NaN,
      patch: r[18],
      files: r[19],
      created: r[20],
      reviewedAt: r[21] ?? NaN,
    },
    resolved: r[22] === null ? 2 : r[22] ? 1 : 0,
    hasTests: r[23],
    hasGold: r[24],
  };
}

export class CorpusIndex {
  private store: CorpusStore | null = null;
  /** Oldest transaction that may still add changes we have not applied (xid8 as text). */
  private horizon = "0";
  private syncedAt = 0;
  private prunedAt = 0;
  private running: Promise<CorpusStore> | null = null;
  private queued: Promise<CorpusStore> | null = null;

  constructor(private readonly pool: Pool) {}

  /**
   * The store, caught up with every change committed before this call (read-your-writes: a bulk
   * action's own counts are right on the next request). A sync already running may have read the
   * feed too early, so callers queue one more behind it; everyone queued shares that one.
   */
  async current(): Promise<CorpusStore> {
    this.queued ??= (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        this.running = this.refresh().finally(() => (this.running = null));
        return this.running;
      });
    return this.queued;
  }

  /** Starts loading in the background (server start), so the first request rarely waits. */
  warm(): void {
    this.current().catch((error) => console.error("[corpus-index] warm-up failed:", error instanceof Error ? error.message : error));
  }

  private async refresh(): Promise<CorpusStore> {
    const isStale = !this.store || Date.now() - this.syncedAt > MAX_SYNC_GAP_MS;
    const store = isStale ? await this.load() : await this.catchUp(this.store!);
    this.syncedAt = Date.now();
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      await this.pool.query(`DELETE FROM episode_changes WHERE created_at < now() - interval '${FEED_RETENTION}'`);
    }
    return store;
  }

  private async readHorizon(): Promise<string> {
    const result = await this.pool.query<{ horizon: string }>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
    return result.rows[0].horizon;
  }

  /** Everything, in id order, in chunks; the horizon is read first so nothing committed later is missed. */
  private async load(): Promise<CorpusStore> {
    const horizon = await this.readHorizon();
    const store = new CorpusStore();
    let after = 0;
    for (;;) {
      const result = await this.pool.query<Row>({
        text: `SELECT ${columns} FROM episodes e WHERE e.id > $1 ORDER BY e.id LIMIT ${LOAD_CHUNK}`,
        values: [after],
        rowMode: "array",
      });
      for (const row of result.rows) store.upsert(toIndexed(row));
      if (result.rows.length < LOAD_CHUNK) break;
      after = result.rows[result.rows.length - 1][0];
    }
    this.store = store;
    this.horizon = horizon;
    return store;
  }

  private async catchUp(store: CorpusStore): Promise<CorpusStore> {
    const feed = await this.pool.query<{ horizon: string; ids: number[]; reload: boolean | null }>(
      `SELECT (SELECT pg_snapshot_xmin(pg_current_snapshot())::text) AS horizon,
              coalesce(array_agg(DISTINCT episode_id) FILTER (WHERE episode_id IS NOT NULL), '{}') AS ids,
              bool_or(episode_id IS NULL) AS reload
       FROM episode_changes WHERE xid >= $1::xid8`,
      [this.horizon],
    );
    const { horizon, ids, reload } = feed.rows[0];
    if (reload) return this.load();
    for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
      const chunk = ids.slice(i, i + LOAD_CHUNK);
      const result = await this.pool.query<Row>({
        text: `SELECT ${columns} FROM episodes e WHERE e.id = ANY($1::int[])`,
        values: [chunk],
        rowMode: "array",
      });
      const present = new Set<number>();
      for (const row of result.rows) {
        store.upsert(toIndexed(row));
        present.add(row[0]);
      }
      for (const id of chunk) if (!present.has(id)) store.remove(id);
    }
    this.horizon = horizon;
    return store;
  }
}

const globalForIndex = globalThis as unknown as { atelierCorpusIndex?: CorpusIndex };

/** The process's index over the shared pool. */
export function corpusIndex(): CorpusIndex {
  globalForIndex.atelierCorpusIndex ??= new CorpusIndex(sharedPool);
  return globalForIndex.atelierCorpusIndex;
}
