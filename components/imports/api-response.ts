/** Reading the API's JSON and its one error shape `{ error: { code, message } }`. */
export function apiErrorMessage(body: unknown, status: number, action: string): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === "string" ? `${action} failed: ${message}` : `${action} failed (${status}).`;
}

export async function readResponse<T>(response: Response, action: string): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(apiErrorMessage(body, response.status, action));
  return body as T;
}
