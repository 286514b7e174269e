/**
 * Small stand-ins for the plan and render stages, so the write stage is tested on its own with
 * real files: a fixed plan over generated episodes and a renderer that makes a chat record from
 * an episode's steps (dropping and truncating a few, as the real one does).
 */
import type { RecipeInput } from "@/lib/export/recipe/schema";
import type { ExportEpisode, Plan, PlanEntry, PlanReport } from "@/lib/export/types";
import type { ChatParquetRow } from "@/lib/export/write/parquet";
import type { Split } from "@/lib/export/types";
import type { ExportDeps } from "../deps";

export function fakeEpisode(id: number): ExportEpisode {
  const isPr = id % 5 === 0;
  return {
    id, kind: isPr ? "contextual" : "environmental", sourceFormat: isPr ? "atelier-pr" : "swe-agent",
    instanceId: isPr ? null : `org__repo-${id}`, repo: `org/repo-${id % 7}`, agent: isPr ? null : "swe-agent", model: isPr ? null : "gpt-4o",
    resolved: id % 3 === 0 ? true : id % 3 === 1 ? false : null, exitStatusClass: "submitted", reviewStatus: "approved", labels: [],
    taskText: `Fix bug ${id}: ünïcode «quotes» and\nnewlines`, baseCommit: null, finalPatch: null, goldPatch: null, testPatch: null,
    pullRequest: isPr ? { license: id % 10 === 0 ? "MIT" : null } : null,
    steps: Array.from({ length: 2 + (id % 4) }, (_, idx) => ({
      idx, role: idx === 0 ? "user" : "assistant", mask: "train" as const,
      parts: [{ type: "message", text: `step ${idx} of episode ${id} ${"x".repeat((id * 37) % 200)}` }],
    })),
  };
}

export type FakeRecord = { episode_id: number; component: string; split: string; copy: number; messages: { role: string; content: string; weight: number }[] };

export const fakeRecipe: RecipeInput = {
  name: "Fake mixture",
  description: "Two components over generated episodes.",
  components: [{ name: "agents", filter: "kind=environmental" }, { name: "prs", filter: "kind=contextual", weight: { upsample: 2 } }],
  format: { shardMb: 0.004 },
};

/** train: episodes 1..100 (component 0), then 1..30 again as component 1 copy 1; validation: 101..120. */
export function fakePlan(): Plan {
  const entries: PlanEntry[] = [];
  for (let id = 1; id <= 120; id++) entries.push({ episodeId: id, component: 0, copy: 0, split: id > 100 ? "validation" : "train" });
  for (let id = 1; id <= 30; id++) entries.splice(id * 3, 0, { episodeId: id, component: 1, copy: 1, split: "train" });
  const split = { episodes: 0, entries: 0, tokens: 0, repos: 0 };
  const component = (name: string) => ({ name, filter: `kind=${name}`, matched: 120, episodes: 100, entries: 100, tokens: 1000, truncated: 0, share: 0.5,
    dropped: { review_status: 1, over_max_tokens: 0, decontaminated: 2, exact_duplicate: 1, near_duplicate: 1, not_sampled: 0 } });
  const report: PlanReport = {
    components: [component("environmental"), component("contextual")],
    dedup: { exact: [{ removed: 500, kept: 1, similarity: 1 }], near: [{ removed: 501, kept: 2, similarity: 0.91 }] },
    decontamination: { swebench: 2, instanceIds: 0, repos: 0 },
    split: { train: split, validation: split },
    totals: { episodes: 120, entries: 150, tokens: 2000 },
  };
  return { entries, report };
}

export function fakeDeps(hooks: { onRender?: (id: number) => void; missing?: number[] } = {}): ExportDeps<{ name: string }, FakeRecord> & { loads: number[][] } {
  const loads: number[][] = [];
  return {
    loads,
    planExport: async () => fakePlan(),
    async *streamExportEpisodes(ids) {
      loads.push([...ids]);
      for (const id of ids) yield hooks.missing?.includes(id) ? undefined : fakeEpisode(id);
    },
    exportTokenizer: () => ({ name: "fake" }),
    renderEntry: (episode, { recipe, component, split, copy }) => {
      hooks.onRender?.(episode.id);
      if (episode.id % 17 === 0) return { dropped: "over_max_tokens" };
      const messages = episode.steps.map((s) => ({ role: s.role, content: s.parts.map((p) => ("text" in p ? p.text : "")).join(""), weight: s.role === "assistant" ? 1 : 0 }));
      const record = { episode_id: episode.id, component: recipe.components[component].name, split, copy, messages };
      return { record, tokens: messages.reduce((n, m) => n + m.content.length, 0), truncatedAtStep: episode.id % 11 === 0 ? 1 : null };
    },
    toParquetRow: (record): ChatParquetRow => ({
      record_id: `${record.episode_id}-0-${record.copy}`, exit_status_class: "submitted", style: "chat", template: null, tokenizer: "fake", truncated_at_step: null, dropped_steps: 0, dropped_tool_results: 0,
      episode_id: record.episode_id, component: record.component, split: record.split as Split, copy: record.copy, kind: "environmental", source_format: "swe-agent",
      repo: null, instance_id: null, agent: null, model: null, resolved: null, tokens: record.messages.length,
      messages: record.messages.map((m) => ({ role: m.role, content: m.content, reasoning_content: null, tool_calls: null, tool_call_id: null, name: null, weight: m.weight })),
      tools: null,
    }),
  };
}
