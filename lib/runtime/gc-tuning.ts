/**
 * V8 tuning for Atelier's long streaming work (an export above all), applied by each entry point
 * before any work: the CLI, the server (instrumentation.ts) and the export benchmark's child.
 *
 * Allocation-site pretenuring is off. When objects from one allocation site keep surviving
 * young-generation collections, V8 starts allocating that site's objects straight into the old
 * generation. A streaming export can trip it early (rows waiting while the first shard opens);
 * from then on every row object is old at birth and keeps the strings it points to alive through
 * each young collection, so every byte read is promoted and freed only by a full mark-compact. On
 * the export benchmark about half the runs fell into that state (about 30 mark-compacts instead of
 * 9, 7.7–9.9 s instead of 5.8–6.4 s); with pretenuring off, none did.
 */
import v8 from "node:v8";

export function tuneGarbageCollector(): void {
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
}
