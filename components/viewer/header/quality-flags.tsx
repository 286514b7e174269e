import Link from "next/link";
import type { FlagPointer } from "@/lib/viewer/quality-pointers";
import { episodeHref } from "@/lib/viewer/viewer-urls";

function FlagTarget({ flag, episodeId, kind, list }: { flag: FlagPointer; episodeId: number; kind: string; list: string | null }) {
  if (flag.step !== null) {
    const span = flag.stepEnd !== null && flag.stepEnd !== flag.step ? `steps ${flag.step}–${flag.stepEnd}` : `step ${flag.step}`;
    // A plain link: on the timeline only the fragment changes, which the timeline follows.
    return (
      <a href={episodeHref(episodeId, { list, kind, tab: "timeline", step: flag.step })} className="text-blue-700 hover:underline">
        go to {span}
      </a>
    );
  }
  if (flag.target === "patch")
    return (
      <Link href={episodeHref(episodeId, { list, kind, tab: "patch" })} className="text-blue-700 hover:underline">
        see final patch
      </Link>
    );
  if (flag.target === "outcome")
    return (
      <a href="#outcome" className="text-blue-700 hover:underline">
        see outcome
      </a>
    );
  return null;
}

export function QualityFlags({ flags, episodeId, kind, list }: { flags: FlagPointer[]; episodeId: number; kind: string; list: string | null }) {
  return (
    <section aria-label="Quality flags">
      <h2 className="mb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase">Quality flags</h2>
      <ul className="flex flex-wrap gap-2 text-xs">
        {flags.map((flag) => (
          <li key={flag.flag} className="flex flex-wrap items-center gap-1.5 rounded border border-amber-200 bg-amber-50 px-2 py-1">
            <span className="font-medium text-amber-900">{flag.label}</span>
            {flag.detail && <span className="break-all text-stone-600">{flag.detail}</span>}
            <FlagTarget flag={flag} episodeId={episodeId} kind={kind} list={list} />
          </li>
        ))}
      </ul>
    </section>
  );
}
