/** Runs once when the Next.js server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { tuneGarbageCollector } = await import("@/lib/runtime/gc-tuning");
  tuneGarbageCollector();
  const { markInterruptedBatches } = await import("@/lib/ingest/import-jobs");
  const count = await markInterruptedBatches().catch((error) => {
    console.error("[startup] could not check for interrupted imports", error);
    return 0;
  });
  if (count > 0) console.warn(`[startup] ${count} import batch(es) were interrupted by a restart and marked failed.`);
  const { resumeInterruptedExports } = await import("@/lib/export/jobs/jobs");
  const resumed = await resumeInterruptedExports().catch((error) => {
    console.error("[startup] could not check for interrupted exports", error);
    return [];
  });
  if (resumed.length > 0) console.warn(`[startup] resuming export(s) ${resumed.join(", ")} from their last finished shard.`);
  // Facet counts and totals come from the in-memory corpus index: load it now, not on the first request.
  const { corpusIndex } = await import("@/lib/search/corpus/corpus-index");
  corpusIndex().warm();
}
