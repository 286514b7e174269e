import Link from "next/link";
import { compareHref } from "@/lib/compare/compare-href";

/** What the ticked rows lead to: with two, the compare page; with one, a hint. */
export function CompareSelection({ ids, onClear }: { ids: readonly number[]; onClear: () => void }) {
  if (ids.length === 0) return null;
  return (
    <div role="status" className="flex items-center gap-3 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm">
      {ids.length === 2 ? (
        <Link href={compareHref({ a: ids[0], b: ids[1] })} className="font-medium text-blue-700 hover:underline">
          Compare episode {ids[0]} with {ids[1]}
        </Link>
      ) : (
        <span>Episode {ids[0]} selected: tick one more to compare.</span>
      )}
      <button type="button" onClick={onClear} className="text-stone-600 hover:underline">
        Clear selection
      </button>
    </div>
  );
}
