/**
 * Where a list row leads: the episode, carrying the list's filter (`list=`) so the viewer's
 * n / p keys walk the same filtered list, and optionally a step to open scrolled to.
 */
export function episodeHref(id: number, listQuery: string, step: number | null = null): string {
  const search = listQuery ? `?list=${encodeURIComponent(listQuery)}` : "";
  return `/episodes/${id}${search}${step === null ? "" : `#step-${step}`}`;
}
