/** For tests of routes that start exports in the background: wait, as a client polling would, until one stops. */
import { getExportJob } from "@/lib/export/jobs/read";
import type { ExportJob } from "@/lib/export/jobs/schema";

const stopped = new Set(["done", "cancelled", "failed"]);

export async function waitForExport(id: number, timeoutMs = 60_000): Promise<ExportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getExportJob(id);
    if (stopped.has(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`export #${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
