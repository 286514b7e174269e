/**
 * Test data for the search integration tests: one import batch of uniquely named mini-swe-agent-1
 * and R2E-Gym trajectories with varied models, exits, costs, lengths, patches and tools, plus the
 * review / test-result / flag columns no format sets, written directly.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prisma } from "@/lib/db";
import { importFiles } from "@/lib/ingest/import-files";

export const MINI_COUNT = 12;
export const R2E_COUNT = 3;

function patch(file: string, lines: number, marker = "marker"): string {
  const added = [`+# ${marker}`, ...Array.from({ length: lines - 1 }, (_, i) => `+line ${i}`)].join("\n");
  return `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1,1 +1,${lines + 1} @@\n context\n${added}\n`;
}

function miniTrajectory(run: string, i: number): string {
  const pairs = 1 + (i % 4);
  const model = `${run}/${["alpha", "beta", "gamma"][i % 3]}`;
  const word = i === 2 || i === 5 ? ` zebra${run}frobnicate` : "";
  const messages: unknown[] = [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: `<pr_description>Fix bug number ${i} in the parser${word}</pr_description>` },
  ];
  for (let p = 0; p < pairs; p++) {
    messages.push({ role: "assistant", content: `THOUGHT: step ${p}\n\n\`\`\`bash\nls dir${p}\n\`\`\`` });
    const stepWord = i === 6 && p === pairs - 1 ? ` kangaroo${run}quux` : "";
    messages.push({ role: "user", content: `<returncode>0</returncode>\n<output>\nfile${p}.py${stepWord}\n</output>` });
  }
  const submitted = i % 4 !== 3;
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: `${run}__search-${i}`,
    info: {
      exit_status: submitted ? "Submitted" : "LimitsExceeded",
      submission: submitted && i % 2 === 0 ? patch(`src/mod${i}.py`, 1 + i, `patched${run}x${i}`) : "",
      model_stats: i === 7 ? { api_calls: 2 } : { instance_cost: Math.round((0.5 - (i % 5) * 0.1) * 100) / 100, api_calls: 2 },
      config: { model: { model_name: model } },
    },
    messages,
  });
}

function r2eTrajectory(run: string, i: number): string {
  return JSON.stringify({
    trajectory_steps: [
      {
        step_idx: 0,
        thought: "Edit the file.",
        action: `<function=file_editor>\n  <parameter=command>view</parameter>\n  <parameter=path>/testbed/a${i}.py</parameter>\n</function>`,
        observation: "Execution output of [file_editor]:\nok",
      },
      { step_idx: 1, thought: "Done.", action: "<function=finish>\n  <parameter=command>submit</parameter>\n</function>", observation: "<<< Finished >>>" },
    ],
    ds: { instance_id: `${run}__r2e-${i}`, repo: `${run}/r2e-repo`, patch: i === 0 ? "   " : patch(`gold${i}.py`, 2) },
    problem_statement: `R2E task ${i}`,
    agent_args: { llm_name: `${run}/r2e-model` },
    exit_reason: "agent",
    output_patch: patch(`out${i}.py`, 3),
    reward: i % 2,
  });
}

/** Imports the corpus as one batch and decorates a few rows; returns the batch id. */
export async function seedSearchCorpus(run: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-search-test-"));
  try {
    const mini = path.join(dir, `${run}-mini.jsonl`);
    fs.writeFileSync(mini, Array.from({ length: MINI_COUNT }, (_, i) => miniTrajectory(run, i)).join("\n") + "\n");
    const r2e = path.join(dir, `${run}-r2e.jsonl`);
    fs.writeFileSync(r2e, Array.from({ length: R2E_COUNT }, (_, i) => r2eTrajectory(run, i)).join("\n") + "\n");
    const summary = await importFiles([{ path: mini }, { path: r2e }], { source: "cli" });
    if (summary.status !== "committed" || summary.imported !== MINI_COUNT + R2E_COUNT)
      throw new Error(`seed import failed: ${JSON.stringify(summary.errors)}`);
    const batchId = summary.batchId;
    const ids = (await prisma.episode.findMany({ where: { importBatchId: batchId }, orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
    await prisma.episode.updateMany({ where: { id: { in: ids.slice(0, 3) } }, data: { reviewStatus: "approved" } });
    await prisma.episode.updateMany({ where: { id: { in: [ids[3]] } }, data: { reviewStatus: "rejected" } });
    await prisma.episode.updateMany({ where: { id: { in: ids.slice(2, 6) } }, data: { f2pPass: 1 } });
    await prisma.episode.updateMany({ where: { id: ids[6] }, data: { p2pPass: 4 } });
    await prisma.episode.updateMany({ where: { id: { in: ids.slice(0, 4) } }, data: { qualityFlags: ["stuck_loop"] } });
    await prisma.episode.updateMany({ where: { id: { in: ids.slice(2, 8) } }, data: { qualityFlags: { push: "secret" } } });
    return batchId;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
