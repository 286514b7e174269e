import Link from "next/link";
import { AlignedSteps } from "@/components/viewer/compare/aligned-steps";
import { EpisodePicker } from "@/components/viewer/compare/episode-picker";
import { PatchCompare } from "@/components/viewer/compare/patch-compare";
import { SideHeader } from "@/components/viewer/compare/side-header";
import { requirePageRole } from "@/lib/auth/permission";
import { alignSteps, summarizeAlignment } from "@/lib/compare/align";
import { compareHref, parseCompareIds, type CompareIds } from "@/lib/compare/compare-href";
import { getCompareSide, type CompareSide } from "@/lib/compare/compare-side";

export const metadata = { title: "Compare episodes" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ids = parseCompareIds(await searchParams);
  await requirePageRole("viewer", compareHref(ids));
  const [a, b] = await Promise.all([ids.a ? getCompareSide(ids.a) : null, ids.b ? getCompareSide(ids.b) : null]);
  const rows = a && b ? alignSteps(a.signatures, b.signatures) : null;
  const instanceOf = (side: CompareSide | null) => side?.header.instanceId ?? null;

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Compare episodes</h1>
        {(ids.a !== null || ids.b !== null) && (
          <Link href={compareHref({ a: ids.b, b: ids.a })} className="text-sm text-blue-700 hover:underline">
            Swap sides
          </Link>
        )}
      </div>
      {a && b && a.header.instanceId !== b.header.instanceId && (
        <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">These episodes are attempts at different instances.</p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Side side="a" ids={ids} episode={a} instanceId={instanceOf(a) ?? instanceOf(b)} />
        <Side side="b" ids={ids} episode={b} instanceId={instanceOf(b) ?? instanceOf(a)} />
      </div>
      {a && b && rows && (
        <>
          <AlignedSteps a={a.header.id} b={b.header.id} rows={rows} summary={summarizeAlignment(rows)} />
          <PatchCompare a={{ id: a.header.id, patch: a.finalPatch }} b={{ id: b.header.id, patch: b.finalPatch }} />
        </>
      )}
    </section>
  );
}

function Side({ side, ids, episode, instanceId }: { side: "a" | "b"; ids: CompareIds; episode: CompareSide | null; instanceId: string | null }) {
  const label = side === "a" ? "A" : "B";
  const id = ids[side];
  return (
    <section aria-label={`Episode ${label}`} className="space-y-3 rounded border border-stone-200 bg-white p-4">
      {episode ? (
        <SideHeader side={label} header={episode.header} />
      ) : (
        <p className="text-sm text-stone-600">{id === null ? `Choose episode ${label}.` : `Episode ${id} was not found.`}</p>
      )}
      {/* Keyed by the pair, so the picker starts closed and empty after every change of sides. */}
      <EpisodePicker key={`${ids.a}-${ids.b}`} side={side} ids={ids} instanceId={instanceId} isOpen={!episode} />
    </section>
  );
}
