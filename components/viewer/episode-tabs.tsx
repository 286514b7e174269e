import Link from "next/link";
import { episodeHref, tabLabels, tabsFor, type ViewerTab } from "@/lib/viewer/viewer-urls";

/** The audit trail's tab (annotators and up), beside the viewer's own. */
export const HISTORY_TAB = "history";

type EpisodeTabsProps = {
  episodeId: number;
  kind: string;
  current: ViewerTab | typeof HISTORY_TAB;
  list: string | null;
  /** Query the tabs keep, e.g. `queue=3&slot=9` while judging a queue item. */
  keep?: string;
  hasHistory?: boolean;
};

function withQuery(href: string, extra: string): string {
  return extra ? `${href}${href.includes("?") ? "&" : "?"}${extra}` : href;
}

/** The viewer's views as links (`?tab=`), so a tab is part of a shareable URL. */
export function EpisodeTabs({ episodeId, kind, current, list, keep = "", hasHistory = false }: EpisodeTabsProps) {
  const tabs: { tab: EpisodeTabsProps["current"]; label: string; href: string }[] = tabsFor(kind).map((tab) => ({
    tab,
    label: tabLabels[tab],
    href: withQuery(episodeHref(episodeId, { list, kind, tab }), keep),
  }));
  if (hasHistory) tabs.push({ tab: HISTORY_TAB, label: "History", href: withQuery(episodeHref(episodeId, { list }), [`tab=${HISTORY_TAB}`, keep].filter(Boolean).join("&")) });
  return (
    <nav aria-label="Episode views" className="flex gap-1 border-b border-stone-200">
      {tabs.map(({ tab, label, href }) => (
        <Link
          key={tab}
          href={href}
          aria-current={tab === current ? "page" : undefined}
          scroll={false}
          className={`-mb-px rounded-t border px-3 py-1.5 text-sm ${tab === current ? "border-stone-200 border-b-white bg-white font-medium" : "border-transparent text-stone-600 hover:text-stone-900"}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
