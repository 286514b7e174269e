/** TanStack Query keys for the review pages: the one factory, so invalidation never guesses. */
export const rubricKeys = {
  all: ["rubrics"] as const,
  list: () => [...rubricKeys.all, "list"] as const,
  version: (id: number) => [...rubricKeys.all, "version", id] as const,
};

export const queueKeys = {
  all: ["queues"] as const,
  list: () => [...queueKeys.all, "list"] as const,
  detail: (id: number) => [...queueKeys.all, "detail", id] as const,
  progress: (id: number) => [...queueKeys.detail(id), "progress"] as const,
  items: (id: number) => [...queueKeys.detail(id), "items"] as const,
  agreement: (id: number) => [...queueKeys.detail(id), "agreement"] as const,
  conflicts: (id: number, status: string) => [...queueKeys.detail(id), "conflicts", status] as const,
};

export const statsKeys = {
  all: ["annotator-stats"] as const,
  list: (period: { from: string; to: string }, queue: number | null) => [...statsKeys.all, period, queue] as const,
};

export const auditKeys = {
  all: ["audit"] as const,
  list: (query: Record<string, string | undefined>) => [...auditKeys.all, query] as const,
};

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};
