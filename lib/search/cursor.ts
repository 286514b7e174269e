/** Opaque keyset cursors: the sort key of the last row seen, base64url-encoded JSON. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The decoded values, or null for a cursor that is not ours (a bad link degrades to page one). */
export function decodeCursor(cursor: string | undefined | null): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(values)) return null;
    return values.every((v) => v === null || typeof v === "string" || typeof v === "number") ? values : null;
  } catch {
    return null;
  }
}
