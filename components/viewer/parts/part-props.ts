import type { FieldClip } from "@/lib/viewer/step-caps";

/** What every part renderer gets besides its part. */
export type PartContext = {
  episodeId: number;
  stepIdx: number;
  /** Unique per part on the page, for element ids. */
  idPrefix: string;
  /** The part's own cuts (see lib/viewer/step-caps.ts), by field. */
  clips: Map<string, FieldClip>;
  isExpanded: boolean;
  /** Expands a collapsed part, collapses an expanded one (the `e` key does the same). */
  onToggleExpand: () => void;
  onLoadFull: () => void;
  isLoadingFull: boolean;
  /** The episode search's text, marked where it occurs. */
  highlight: string;
};
