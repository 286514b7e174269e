/** The compare page's URL: `/episodes/compare?a=ID&b=ID`. Forgiving on the way in, like every page URL. */

export type CompareIds = { a: number | null; b: number | null };

function episodeId(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,10}$/.test(text.trim())) return null;
  const id = Number(text.trim());
  return id > 0 && id <= 2_147_483_647 ? id : null;
}

export function parseCompareIds(params: Record<string, string | string[] | undefined>): CompareIds {
  return { a: episodeId(params.a), b: episodeId(params.b) };
}

export function compareHref({ a, b }: CompareIds): string {
  const params = new URLSearchParams();
  if (a !== null) params.set("a", String(a));
  if (b !== null) params.set("b", String(b));
  const query = params.toString();
  return query ? `/episodes/compare?${query}` : "/episodes/compare";
}
