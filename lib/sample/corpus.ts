/**
 * Sample corpora made of source-format files, fed through the normal importer: a small
 * quick-start set (SWE-agent `.traj`, mini-swe-agent `.traj.json`, a PR-sample JSONL) and a
 * large streamed JSONL corpus for the import benchmark.
 */
import fs from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createInstance, type Instance } from "./instance";
import { generateMiniSweAgentTraj } from "./mini-swe-agent-rollout";
import { sweAgentModels } from "./models";
import { generatePrSample } from "./pr-sample";
import { createRng, type Rng } from "./random";
import { generateSweAgentTraj, type StepMessages } from "./swe-agent-rollout";

export type SampleFile = { name: string; content: string };

/** Instances with ids not used before (random ids can collide across a corpus). */
function uniqueInstance(rng: Rng, used: Set<string>): Instance {
  for (;;) {
    const instance = createInstance(rng);
    if (!used.has(instance.instanceId)) {
      used.add(instance.instanceId);
      return instance;
    }
  }
}

const modelSlug = (name: string) => name.split("/").pop()!.replace(/[^A-Za-z0-9.-]+/g, "-");

/**
 * A SWE-bench evaluation summary (`resolved_ids` / `unresolved_ids`) for instances with exactly
 * one attempt: such a report names no model, so it would give every attempt at a shared instance
 * the same verdict. Runs that submitted nothing stay unresolved; about half of the rest resolve.
 */
function evaluationReport(rng: Rng, runs: { instanceId: string; submitted: boolean }[]): string {
  const resolved = runs.filter((run) => run.submitted && rng.next() < 0.5).map((run) => run.instanceId);
  const unresolved = runs.map((run) => run.instanceId).filter((id) => !resolved.includes(id));
  const ids = runs.map((run) => run.instanceId);
  return JSON.stringify(
    { total_instances: ids.length, submitted_instances: ids.length, completed_instances: ids.length, resolved_instances: resolved.length, unresolved_instances: unresolved.length, submitted_ids: ids, completed_ids: ids, resolved_ids: resolved, unresolved_ids: unresolved, schema_version: 2 },
    null,
    2,
  );
}

function hasSubmission(content: string): boolean {
  const info = (JSON.parse(content) as { info?: { submission?: unknown } }).info;
  return typeof info?.submission === "string" && info.submission.trim() !== "";
}

/**
 * The quick-start sample (~3 MB): 40 SWE-agent runs, three instances attempted by several
 * models (rollout groups), 10 mini-swe-agent runs (some on the same instances), 30 PR samples,
 * and an evaluation report resolving some single-attempt runs (outcomes for charts and the matrix).
 */
export function sampleCorpusFiles(seed = 42): SampleFile[] {
  const rng = createRng(seed);
  const used = new Set<string>();
  const files: SampleFile[] = [];
  // Per-step `messages` grow quadratically with length, so only a few (short enough) files keep them.
  const traj = (r: Rng, instance: Instance, withMessages: boolean, model = r.pick(sweAgentModels)) => {
    const seedOf = r.int(0, 2 ** 31);
    const render = (stepMessages: StepMessages) =>
      JSON.stringify(generateSweAgentTraj(createRng(seedOf), { instance, model, medianSteps: 14, bigOutputChance: 0, secretChance: 0.08, stepMessages }), null, 2);
    const full = withMessages ? render("elided") : null;
    return full && full.length < 600_000 ? full : render("none");
  };

  const instances: Instance[] = [];
  for (let i = 0; i < 33; i++) {
    const r = rng.fork(`swe-${i}`);
    const instance = uniqueInstance(r, used);
    instances.push(instance);
    files.push({ name: `${instance.instanceId}.traj`, content: traj(r, instance, i % 6 === 0) });
  }
  for (let g = 0; g < 3; g++) {
    const r = rng.fork(`group-${g}`);
    const instance = uniqueInstance(r, used);
    for (const model of r.sample(sweAgentModels, g === 0 ? 3 : 2)) {
      files.push({ name: `${instance.instanceId}.${modelSlug(model.name)}.traj`, content: traj(r.fork(model.name), instance, false, model) });
    }
  }
  for (let i = 0; i < 10; i++) {
    const r = rng.fork(`mini-${i}`);
    // A few mini-swe-agent runs share instances with SWE-agent runs, for cross-agent comparison.
    const instance = i < 3 ? instances[i] : uniqueInstance(r, used);
    const run = generateMiniSweAgentTraj(r, { instance, medianSteps: 14, bigOutputChance: 0 });
    files.push({ name: `${instance.instanceId}.traj.json`, content: JSON.stringify(run, null, 2) });
  }
  const prs = Array.from({ length: 30 }, (_, i) => JSON.stringify(generatePrSample(rng.fork(`pr-${i}`))));
  files.push({ name: "pr-samples.jsonl", content: prs.join("\n") + "\n" });

  // Run files are named `<instance id>.…` (instance ids here have no dots).
  const runs = files
    .filter((f) => f.name.endsWith(".traj") || f.name.endsWith(".traj.json"))
    .map((file) => ({ instanceId: file.name.split(".")[0], submitted: hasSubmission(file.content) }));
  const attempts = new Map<string, number>();
  for (const run of runs) attempts.set(run.instanceId, (attempts.get(run.instanceId) ?? 0) + 1);
  const single = runs.filter((run) => attempts.get(run.instanceId) === 1);
  files.push({ name: "evaluation-report.json", content: evaluationReport(rng.fork("evaluation"), single) });
  return files;
}

export type SyntheticCorpusOptions = {
  targetBytes: number;
  seed?: number;
  /** Roll over to a new file past this size (default 256 MB). */
  maxFileBytes?: number;
  medianSteps?: number;
  stepMessages?: StepMessages;
  onProgress?(bytes: number): void;
};

export type SyntheticCorpusResult = { files: string[]; bytes: number; episodes: number };

type Sink = { prefix: string; index: number; bytes: number; stream: fs.WriteStream | null };

/**
 * Streams a benchmark corpus of JSONL files into `dir` until `targetBytes` is written:
 * `rollouts-NNN.jsonl` (SWE-agent trajs, with rollout groups), `mini-NNN.jsonl` and `pr-NNN.jsonl`.
 * One episode is in memory at a time; writes wait for 'drain'.
 */
export async function writeSyntheticCorpus(dir: string, options: SyntheticCorpusOptions): Promise<SyntheticCorpusResult> {
  const maxFileBytes = options.maxFileBytes ?? 256 * 1024 * 1024;
  const rng = createRng(options.seed ?? 42);
  const used = new Set<string>();
  const files: string[] = [];
  let bytes = 0;
  let episodes = 0;
  await fs.promises.mkdir(dir, { recursive: true });
  const sinks: Record<string, Sink> = {};
  const sink = (prefix: string): Sink => (sinks[prefix] ??= { prefix, index: -1, bytes: 0, stream: null });

  const close = async (s: Sink) => {
    if (!s.stream) return;
    const stream = s.stream;
    s.stream = null;
    stream.end();
    await once(stream, "finish");
  };
  const write = async (prefix: string, record: unknown) => {
    const s = sink(prefix);
    const line = Buffer.from(JSON.stringify(record) + "\n");
    if (!s.stream || s.bytes + line.length > maxFileBytes) {
      await close(s);
      s.index++;
      s.bytes = 0;
      const file = path.join(dir, `${prefix}-${String(s.index).padStart(3, "0")}.jsonl`);
      files.push(file);
      s.stream = fs.createWriteStream(file);
    }
    s.bytes += line.length;
    bytes += line.length;
    episodes++;
    if (!s.stream.write(line)) await once(s.stream, "drain");
    options.onProgress?.(bytes);
  };

  const common = { medianSteps: options.medianSteps ?? 30, bigOutputChance: 0.015 };
  try {
    for (let n = 0; bytes < options.targetBytes; n++) {
      const r = rng.fork(n);
      const instance = uniqueInstance(r, used);
      const attempts = r.weighted([[1, 6], [2, 2], [4, 2]] as const);
      for (let a = 0; a < attempts && bytes < options.targetBytes; a++) {
        const ar = r.fork(a);
        if (ar.chance(0.15)) await write("mini", generateMiniSweAgentTraj(ar, { instance, ...common }));
        else await write("rollouts", generateSweAgentTraj(ar, { instance, stepMessages: options.stepMessages, ...common }));
      }
      if (bytes < options.targetBytes) await write("pr", generatePrSample(r.fork("pr")));
    }
  } finally {
    for (const s of Object.values(sinks)) await close(s);
  }
  return { files: files.sort(), bytes, episodes };
}
