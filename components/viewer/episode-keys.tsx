"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { episodeHref } from "@/lib/viewer/viewer-urls";
import { KeysDialog } from "./keys-dialog";
import { useNeighbors } from "./use-neighbors";
import { useShortcuts } from "./use-shortcuts";

/** Page-wide keys: n / p move through the list the episode was opened from; ? shows every key. */
export function EpisodeKeys({ episodeId, list }: { episodeId: number; list: string | null }) {
  const router = useRouter();
  const { data: neighbors } = useNeighbors(episodeId, list);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  useShortcuts({
    n: () => neighbors?.next && router.push(episodeHref(neighbors.next, { list })),
    p: () => neighbors?.previous && router.push(episodeHref(neighbors.previous, { list })),
    "?": () => setIsHelpOpen(true),
  });
  return <KeysDialog isOpen={isHelpOpen} onClose={() => setIsHelpOpen(false)} />;
}
