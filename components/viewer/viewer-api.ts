/** The viewer's reads from the REST API (app/api/episodes/[id]/…), typed by the lib functions behind them. */
import { readResponse } from "@/components/imports/api-response";
import type { Neighbors } from "@/lib/viewer/neighbors";
import type { StepWindow, ViewerStep } from "@/lib/viewer/read-steps";
import type { StepSearchResult } from "@/lib/viewer/search-steps";

export type { ViewerStep };

/** Steps a window holds; the timeline asks for whole windows. */
export const STEP_WINDOW = 50;

/**
 * One window of steps. The server stops a response at its size budget and says where (`to`); the
 * rest of the window comes in further requests, so no single response is large.
 */
export async function fetchStepWindow(episodeId: number, window: number, stepCount: number, signal?: AbortSignal): Promise<ViewerStep[]> {
  const end = Math.min(stepCount, (window + 1) * STEP_WINDOW);
  const steps: ViewerStep[] = [];
  for (let from = window * STEP_WINDOW; from < end; ) {
    const response = await fetch(`/api/episodes/${episodeId}/steps?from=${from}&limit=${end - from}`, { signal });
    const page = await readResponse<StepWindow>(response, "Loading steps");
    steps.push(...page.steps);
    if (page.steps.length === 0 || page.to <= from) break;
    from = page.to;
  }
  return steps;
}

export async function fetchFullStep(episodeId: number, idx: number, signal?: AbortSignal): Promise<ViewerStep | null> {
  const response = await fetch(`/api/episodes/${episodeId}/steps?from=${idx}&limit=1&full=true`, { signal });
  return (await readResponse<StepWindow>(response, "Loading the full step")).steps[0] ?? null;
}

export async function fetchStepSearch(episodeId: number, q: string, signal?: AbortSignal): Promise<StepSearchResult> {
  const response = await fetch(`/api/episodes/${episodeId}/search?q=${encodeURIComponent(q)}`, { signal });
  return readResponse<StepSearchResult>(response, "Searching the episode");
}

export async function fetchNeighbors(episodeId: number, list: string | null, signal?: AbortSignal): Promise<Neighbors> {
  const response = await fetch(`/api/episodes/${episodeId}/neighbors${list ? `?${list}` : ""}`, { signal });
  return readResponse<Neighbors>(response, "Finding the next episode");
}
