/**
 * The viewer's URLs, in one place so the page, the tabs, the header's step links and n / p agree:
 * `/episodes/ID?list=<filter query>&tab=<tab>#step-N`. `list` is the episode list's canonical
 * filter query (lib/search toSearchParams), carried along so n / p stay within that list; the
 * default tab is left out, so a step link on the timeline changes only the fragment. Pure.
 */
export const viewerTabs = ["pr", "timeline", "patch", "files"] as const;
export type ViewerTab = (typeof viewerTabs)[number];

export const tabLabels: Record<ViewerTab, string> = {
  pr: "Pull request",
  timeline: "Timeline",
  patch: "Final patch",
  files: "Files over time",
};

/** Pull-request-derived episodes open on the pull request; the rest have no such tab. */
export function tabsFor(kind: string): ViewerTab[] {
  return kind === "contextual" ? ["pr", "timeline", "patch", "files"] : ["timeline", "patch", "files"];
}

/** The tab a `?tab=` value names, or the first tab for anything else (a bad link still opens). */
export function parseTab(raw: unknown, kind: string): ViewerTab {
  const tabs = tabsFor(kind);
  return tabs.find((t) => t === raw) ?? tabs[0];
}

export function episodeHref(id: number, { list, tab, kind, step }: { list?: string | null; tab?: ViewerTab; kind?: string; step?: number } = {}): string {
  const params = new URLSearchParams();
  if (list) params.set("list", list);
  if (tab && tab !== tabsFor(kind ?? "environmental")[0]) params.set("tab", tab);
  const query = params.toString();
  return `/episodes/${id}${query ? `?${query}` : ""}${step === undefined ? "" : `#step-${step}`}`;
}

/** `#step-12` → 12; anything else → null. */
export function stepFromHash(hash: string): number | null {
  const match = /^#step-(\d{1,9})$/.exec(hash);
  return match ? Number(match[1]) : null;
}
