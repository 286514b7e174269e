import Link from "next/link";
import { episodeHref, tabLabels, tabsFor, type ViewerTab } from "@/lib/viewer/viewer-urls";

/** The viewer's views as links (`?tab=`), so a tab is part of a shareable URL. */
export function EpisodeTabs({ episodeId, kind, current, list }: { episodeId: number; kind: string; current: ViewerTab; list: string | null }) {
  return (
    <nav aria-label="Episode views" className="flex gap-1 border-b border-stone-200">
      {tabsFor(kind).map((tab) => (
        <Link
          key={tab}
          href={episodeHref(episodeId, { list, kind, tab })}
          aria-current={tab === current ? "page" : undefined}
          scroll={false}
          className={`-mb-px rounded-t border px-3 py-1.5 text-sm ${tab === current ? "border-stone-200 border-b-white bg-white font-medium" : "border-transparent text-stone-600 hover:text-stone-900"}`}
        >
          {tabLabels[tab]}
        </Link>
      ))}
    </nav>
  );
}
