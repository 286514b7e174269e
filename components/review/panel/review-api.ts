/** Calls to the review API (app/api/episodes/[id]/review|comments|masks, app/api/queues, app/api/rubrics) with its one error shape. */

/** An API refusal, with what the panel needs to explain it (409: reload; 422: which dimension). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly details: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isStale(): boolean {
    return this.status === 409;
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;

export async function readApi<T>(response: Response, action: string): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = (body as ErrorBody)?.error;
  const message = typeof error?.message === "string" ? `${action} failed: ${error.message}` : `${action} failed (${response.status}).`;
  throw new ApiError(message, response.status, typeof error?.code === "string" ? error.code : null, error?.details);
}

export async function getJson<T>(url: string, action: string, signal?: AbortSignal): Promise<T> {
  return readApi<T>(await fetch(url, { signal }), action);
}

export async function sendJson<T>(method: "POST" | "PATCH" | "DELETE", url: string, body: unknown, action: string): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readApi<T>(response, action);
}

/** Per-dimension problems a 422 carries (`details.scores`), keyed by dimension key. */
export function scoreProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 422) return {};
  const scores = (error.details as { scores?: unknown } | null)?.scores;
  if (!scores || typeof scores !== "object") return {};
  return Object.fromEntries(Object.entries(scores).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
