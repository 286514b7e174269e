import Link from "next/link";
import { episodeHref } from "./episode-href";
import { snippetParts } from "./snippet-parts";

/** Where the search matched, matches in <mark>; the text is always text, never markup. */
export function Snippet({ episodeId, listQuery, snippet, step }: { episodeId: number; listQuery: string; snippet: string; step: number | null }) {
  return (
    <p className="line-clamp-2 text-xs text-stone-600">
      {step !== null && (
        // Above the row's stretched link, so it is its own click target.
        <Link href={episodeHref(episodeId, listQuery, step)} className="relative z-10 mr-2 rounded bg-stone-100 px-1.5 py-0.5 font-medium text-blue-700 hover:underline">
          step {step}
        </Link>
      )}
      {snippetParts(snippet).map((part, index) =>
        part.isMatch ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-stone-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
