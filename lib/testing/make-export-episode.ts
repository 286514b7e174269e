/** A minimal ExportEpisode for render tests: steps get their index and "train" unless given. */
import type { NormalizedEpisode, StepPart, StepRole } from "@/lib/formats/episode";
import type { TrainingMask } from "@/lib/review/masks/schema";
import type { ExportEpisode } from "@/lib/export/types";

export type TestStep = { role: StepRole; parts: StepPart[]; mask?: TrainingMask; meta?: Record<string, unknown> };

export function makeExportEpisode(steps: TestStep[], extra: Partial<Omit<ExportEpisode, "steps">> = {}): ExportEpisode {
  return {
    id: 1,
    kind: "environmental",
    sourceFormat: "test",
    instanceId: "owner__repo-1",
    repo: "owner/repo",
    agent: "agent",
    model: "model",
    resolved: true,
    exitStatusClass: "submitted",
    reviewStatus: "approved",
    labels: [],
    taskText: null,
    baseCommit: null,
    finalPatch: null,
    goldPatch: null,
    testPatch: null,
    pullRequest: null,
    ...extra,
    steps: steps.map((step, idx) => ({ idx, role: step.role, parts: step.parts, mask: step.mask ?? "train", ...(step.meta ? { meta: step.meta } : {}) })),
  };
}

export const text = (t: string): StepPart => ({ type: "message", text: t });
export const thought = (t: string): StepPart => ({ type: "reasoning", text: t });
export const call = (name: string, args: Record<string, unknown>, id?: string): StepPart => ({ type: "tool_call", name, arguments: args, ...(id ? { id } : {}) });
export const output = (t: string, toolCallId?: string): StepPart => ({ type: "observation", text: t, ...(toolCallId ? { toolCallId } : {}) });

/** A parsed episode as the loader would give it, every step "train" unless `masks` says otherwise. */
export function exportEpisodeOf(episode: NormalizedEpisode, masks: Record<number, TrainingMask> = {}): ExportEpisode {
  const { steps, outcome, pullRequest, kind, sourceFormat, instanceId, repo, agent, model, taskText, baseCommit, finalPatch, goldPatch, testPatch } = episode;
  const base = { kind, sourceFormat, instanceId, repo, agent, model, taskText, baseCommit, finalPatch, goldPatch, testPatch, pullRequest };
  return makeExportEpisode(
    steps.map((step, idx) => ({ role: step.role, parts: step.parts, mask: masks[idx], meta: step.meta })),
    { ...base, resolved: outcome.resolved, exitStatusClass: outcome.exitStatusClass },
  );
}
