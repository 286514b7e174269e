"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { episodeHref } from "@/lib/viewer/viewer-urls";
import { KeysDialog, keyRows } from "./keys-dialog";
import { useNeighbors } from "./use-neighbors";
import { useShortcuts } from "./use-shortcuts";

type EpisodeKeysProps = { episodeId: number; list: string | null; canReview?: boolean; isInQueue?: boolean };

/**
 * Page-wide keys: n / p move through the list the episode was opened from; ? shows every key.
 * Judging a queue item, n is the queue's next item (the review panel's) and p means nothing.
 */
export function EpisodeKeys({ episodeId, list, canReview = false, isInQueue = false }: EpisodeKeysProps) {
  const router = useRouter();
  const { data: neighbors } = useNeighbors(episodeId, list);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const listKeys = {
    n: () => neighbors?.next && router.push(episodeHref(neighbors.next, { list })),
    p: () => neighbors?.previous && router.push(episodeHref(neighbors.previous, { list })),
  };
  useShortcuts({ ...(isInQueue ? {} : listKeys), "?": () => setIsHelpOpen(true) });
  return <KeysDialog isOpen={isHelpOpen} onClose={() => setIsHelpOpen(false)} rows={keyRows({ canReview, isInQueue })} />;
}
