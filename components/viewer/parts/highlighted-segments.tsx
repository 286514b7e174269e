import { markSegments, matchRanges } from "@/lib/viewer/output-lines";
import type { AnsiSegment } from "@/lib/viewer/ansi";

/** Styled text runs with the matches of `query` marked: the one renderer behind output lines and shell commands. */
export function HighlightedSegments({ segments, query }: { segments: AnsiSegment[]; query?: string }) {
  const marked = markSegments(segments, query ? matchRanges(segments.map((s) => s.text).join(""), query) : []);
  return marked.map((s, i) =>
    s.isMatch ? (
      <mark key={i} className={`${s.className} rounded-sm bg-yellow-300 text-stone-900`}>
        {s.text}
      </mark>
    ) : s.className ? (
      <span key={i} className={s.className}>
        {s.text}
      </span>
    ) : (
      s.text
    ),
  );
}
