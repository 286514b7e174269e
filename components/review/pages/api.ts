/**
 * Fetching the review API: JSON in, JSON out, and the one error shape turned into a sentence —
 * with the problems a 422 lists (zod's tree, or the named fields of an InvalidInputError), since
 * "The request is not valid." alone does not say what to fix.
 */
import { apiErrorMessage } from "@/components/imports/api-response";

/** Messages in an error's `details`: zod's `errors` arrays, and `field: message` for named fields. */
export function detailMessages(details: unknown, field?: string): string[] {
  if (typeof details === "string") return [field && !/^\d+$/.test(field) ? `${field}: ${details}` : details];
  if (Array.isArray(details)) return details.flatMap((item) => detailMessages(item, field));
  if (typeof details !== "object" || details === null) return [];
  return Object.entries(details).flatMap(([key, value]) => {
    if (key === "errors") return detailMessages(value);
    if (key === "properties" || key === "items") return detailMessages(value, field);
    return detailMessages(value, key);
  });
}

export async function readApi<T>(response: Response, action: string): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const details = [...new Set(detailMessages((body as { error?: { details?: unknown } } | null)?.error?.details))];
  const message = apiErrorMessage(body, response.status, action);
  throw new Error(details.length === 0 ? message : `${message} ${details.join(" ")}`);
}

export async function getJson<T>(url: string, action: string): Promise<T> {
  return readApi<T>(await fetch(url), action);
}

export async function sendJson<T>(url: string, method: "POST" | "PATCH" | "PUT", body: unknown, action: string): Promise<T> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return readApi<T>(response, action);
}
