import { notFound } from "next/navigation";
import { MaskToolbar } from "@/components/review/masks/mask-toolbar";
import { StepReviewProvider } from "@/components/review/masks/step-review-context";
import { ReviewPanel } from "@/components/review/panel/review-panel";
import { PatchView } from "@/components/viewer/diff/patch-view";
import { RepoScrubber } from "@/components/viewer/diff/repo-scrubber";
import { EpisodeKeys } from "@/components/viewer/episode-keys";
import { EpisodeTabs, HISTORY_TAB } from "@/components/viewer/episode-tabs";
import { EpisodeHeader } from "@/components/viewer/header/episode-header";
import { EpisodeHistory } from "@/components/viewer/history/episode-history";
import { PullRequestView } from "@/components/viewer/pr/pull-request-view";
import { Timeline } from "@/components/viewer/timeline/timeline";
import { requirePageRole } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";
import { getEpisode, type EpisodeDetail } from "@/lib/episodes/read-episode";
import { blindRedaction } from "@/lib/review/blind-redaction";
import { idParamSchema } from "@/lib/review/params";
import { parseEpisodeFilter, toSearchParams } from "@/lib/search/filter";
import { redactRow } from "@/lib/search/redaction";
import { effectivePatch } from "@/lib/viewer/outcome-summary";
import { parseTab, type ViewerTab } from "@/lib/viewer/viewer-urls";

type Search = { list?: string | string[]; tab?: string | string[]; queue?: string | string[]; slot?: string | string[] };

/** The list the episode was opened from, as its canonical filter query (n / p stay in it). */
function listQuery(raw: Search["list"]): string | null {
  return typeof raw === "string" ? toSearchParams(parseEpisodeFilter(new URLSearchParams(raw))).toString() : null;
}

/** `?queue=Q&slot=S`: judging a claimed queue slot (a bad pair is ignored, as bad links are). */
function queueContext(search: Search): { queueId: number; slotId: number } | null {
  const queue = idParamSchema.safeParse(search.queue);
  const slot = idParamSchema.safeParse(search.slot);
  return queue.success && slot.success ? { queueId: queue.data, slotId: slot.data } : null;
}

function TabPanel({ tab, episode, canReview }: { tab: ViewerTab; episode: EpisodeDetail; canReview: boolean }) {
  const content = episode.content;
  switch (tab) {
    case "timeline":
      return (
        <>
          {canReview && <MaskToolbar episodeId={episode.id} stepCount={episode.stepCount} />}
          <Timeline episodeId={episode.id} stepCount={episode.stepCount} />
        </>
      );
    case "patch":
      return <PatchView patch={effectivePatch(content?.finalPatch, content?.attached)} goldPatch={content?.goldPatch} testPatch={content?.testPatch} />;
    case "files":
      return <RepoScrubber episodeId={episode.id} stepCount={episode.stepCount} />;
    case "pr":
      return <PullRequestView episode={episode} />;
  }
}

export default async function EpisodePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id: rawId } = await params;
  const actor = await requirePageRole("viewer", `/episodes/${rawId}`);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const found = await getEpisode(id);
  if (!found) notFound();
  // Blind review: the header must not show an annotator what others' judgments made of it yet.
  const episode = redactRow(found, await blindRedaction(actor, [id]));
  const search = await searchParams;
  const list = listQuery(search.list);
  const tab = parseTab(search.tab, episode.kind);
  const canReview = hasRole(actor.role, "annotator");
  const isHistory = canReview && search.tab === HISTORY_TAB;
  const queue = canReview ? queueContext(search) : null;
  return (
    <article className="space-y-4">
      <EpisodeHeader episode={episode} list={list} />
      <StepReviewProvider episodeId={episode.id} canReview={canReview}>
        {/* The panel sits beside the content only where diffs keep their width (2xl); narrower, it comes first. */}
        <div className={canReview ? "grid items-start gap-6 2xl:grid-cols-[minmax(0,1fr)_24rem]" : ""}>
          <div className="min-w-0 space-y-4">
            <EpisodeTabs
              episodeId={episode.id}
              kind={episode.kind}
              current={isHistory ? HISTORY_TAB : tab}
              list={list}
              keep={queue ? `queue=${queue.queueId}&slot=${queue.slotId}` : ""}
              hasHistory={canReview}
            />
            {isHistory ? <EpisodeHistory episodeId={episode.id} /> : <TabPanel tab={tab} episode={episode} canReview={canReview} />}
          </div>
          {canReview && (
            <aside className="order-first 2xl:order-none 2xl:sticky 2xl:top-4 2xl:max-h-[calc(100vh-2rem)] 2xl:overflow-y-auto">
              <ReviewPanel key={`${episode.id}:${queue?.slotId ?? ""}`} episodeId={episode.id} queueId={queue?.queueId} slotId={queue?.slotId} />
            </aside>
          )}
        </div>
      </StepReviewProvider>
      <EpisodeKeys episodeId={episode.id} list={list} canReview={canReview} isInQueue={queue !== null} />
    </article>
  );
}
