"use client";

import Link from "next/link";
import { episodeHref } from "@/lib/viewer/viewer-urls";
import { useNeighbors } from "../use-neighbors";

const linkClass = "rounded border border-stone-300 px-2 py-1 hover:bg-stone-100";
const disabledClass = "rounded border border-stone-200 px-2 py-1 text-stone-400";

export function NeighborLinks({ episodeId, list }: { episodeId: number; list: string | null }) {
  const { data } = useNeighbors(episodeId, list);
  return (
    <nav aria-label={list ? "Episodes in this list" : "Episodes"} className="flex items-center gap-2 text-sm">
      {data?.previous ? (
        <Link href={episodeHref(data.previous, { list })} className={linkClass} rel="prev">
          ← previous
        </Link>
      ) : (
        <span className={disabledClass}>← previous</span>
      )}
      {data?.next ? (
        <Link href={episodeHref(data.next, { list })} className={linkClass} rel="next">
          next →
        </Link>
      ) : (
        <span className={disabledClass}>next →</span>
      )}
    </nav>
  );
}
