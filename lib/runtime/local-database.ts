/**
 * Which database this process uses: DATABASE_URL when set; otherwise the embedded PGlite in
 * `.atelier/`, shared with a running `npm start` (it publishes its address) or started here.
 * PGlite is single-process, so only one process may own the data directory at a time.
 */
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/embedded-postgres";
import { isAlive } from "./is-alive";

export const atelierDir = path.resolve(process.env.ATELIER_HOME ?? ".atelier");
const embeddedInfoFile = path.join(atelierDir, "embedded.json");

export type LocalDatabase = { url: string; isEmbedded: boolean; isOwner: boolean; stop(): Promise<void> };

function runningEmbedded(): { url: string; pid: number } | null {
  try {
    const info = JSON.parse(fs.readFileSync(embeddedInfoFile, "utf8")) as { url: string; pid: number };
    return info.pid !== process.pid && isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export async function openLocalDatabase(options: { port?: number } = {}): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, isEmbedded: false, isOwner: false, stop: async () => undefined };
  }
  const running = runningEmbedded();
  if (running) return { url: running.url, isEmbedded: true, isOwner: false, stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(atelierDir, "pglite"), port: options.port });
  fs.writeFileSync(embeddedInfoFile, JSON.stringify({ url: embedded.url, pid: process.pid }));
  return {
    url: embedded.url,
    isEmbedded: true,
    isOwner: true,
    async stop() {
      fs.rmSync(embeddedInfoFile, { force: true });
      await embedded.stop();
    },
  };
}
