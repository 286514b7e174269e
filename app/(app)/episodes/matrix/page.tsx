import Link from "next/link";
import { groupsHref, listHref } from "@/components/episodes/groups/group-links";
import { InstanceMatrix } from "@/components/episodes/matrix/instance-matrix";
import { requirePageRole } from "@/lib/auth/permission";
import { parseEpisodeFilter, toSearchParams } from "@/lib/search/filter";

export const metadata = { title: "Instance × model matrix" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function InstanceMatrixPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageRole("viewer", "/episodes/matrix");
  const query = toSearchParams(parseEpisodeFilter(await searchParams)).toString();
  const filterText = [...new URLSearchParams(query)].map(([key, value]) => `${key}=${value}`).join(" · ");
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Instance × model matrix</h1>
        <nav aria-label="Other views" className="flex gap-4 text-sm">
          <Link href={listHref(query)} className="text-blue-700 hover:underline">
            Back to the list
          </Link>
          <Link href={groupsHref(query)} className="text-blue-700 hover:underline">
            Rollout groups
          </Link>
        </nav>
      </div>
      <p className="text-sm text-stone-600">{filterText ? `Filter: ${filterText}` : "All episodes with an instance id."}</p>
      <InstanceMatrix query={query} />
    </section>
  );
}
