/** TanStack Query keys for the compare page: the one factory. Step pages never change once imported. */
export const compareKeys = {
  all: ["compare"] as const,
  steps: (episodeId: number, from: number) => [...compareKeys.all, "steps", episodeId, from] as const,
  attempts: (instanceId: string) => [...compareKeys.all, "attempts", instanceId] as const,
};
