import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/permission";
import { getEpisode, getSteps } from "@/lib/episodes/read-episode";
import { EpisodeHeader } from "@/components/episodes/episode-header";
import { StepText } from "@/components/episodes/step-text";

const pageSize = 100;

export default async function EpisodePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const id = Number((await params).id);
  await requirePageRole("viewer", `/episodes/${(await params).id}`);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const episode = await getEpisode(id);
  if (!episode) notFound();
  const from = Math.max(0, Math.min(Number((await searchParams).from) || 0, Math.max(0, episode.stepCount - 1)));
  const steps = await getSteps(id, { from, limit: pageSize });

  return (
    <article className="space-y-6">
      <EpisodeHeader episode={episode} />
      <section aria-label="Steps" className="space-y-3">
        <h2 className="text-lg font-semibold">
          Steps {episode.stepCount > 0 ? `${from + 1}–${from + steps.length} of ${episode.stepCount}` : "(none)"}
        </h2>
        <ol className="space-y-3">
          {steps.map((step) => (
            <StepText key={step.idx} step={step} />
          ))}
        </ol>
        <nav className="flex gap-3 text-sm">
          {from > 0 && (
            <Link className="rounded border border-stone-300 px-3 py-1.5" href={`/episodes/${id}?from=${Math.max(0, from - pageSize)}`}>
              Previous steps
            </Link>
          )}
          {from + pageSize < episode.stepCount && (
            <Link className="rounded border border-stone-300 px-3 py-1.5" href={`/episodes/${id}?from=${from + pageSize}`}>
              Next steps
            </Link>
          )}
        </nav>
      </section>
    </article>
  );
}
