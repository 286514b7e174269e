import { notFound } from "next/navigation";
import { PatchView } from "@/components/viewer/diff/patch-view";
import { RepoScrubber } from "@/components/viewer/diff/repo-scrubber";
import { EpisodeKeys } from "@/components/viewer/episode-keys";
import { EpisodeTabs } from "@/components/viewer/episode-tabs";
import { EpisodeHeader } from "@/components/viewer/header/episode-header";
import { PullRequestView } from "@/components/viewer/pr/pull-request-view";
import { Timeline } from "@/components/viewer/timeline/timeline";
import { requirePageRole } from "@/lib/auth/permission";
import { getEpisode, type EpisodeDetail } from "@/lib/episodes/read-episode";
import { parseEpisodeFilter, toSearchParams } from "@/lib/search/filter";
import { effectivePatch } from "@/lib/viewer/outcome-summary";
import { parseTab, type ViewerTab } from "@/lib/viewer/viewer-urls";

type Search = { list?: string | string[]; tab?: string | string[] };

/** The list the episode was opened from, as its canonical filter query (n / p stay in it). */
function listQuery(raw: Search["list"]): string | null {
  return typeof raw === "string" ? toSearchParams(parseEpisodeFilter(new URLSearchParams(raw))).toString() : null;
}

function TabPanel({ tab, episode }: { tab: ViewerTab; episode: EpisodeDetail }) {
  const content = episode.content;
  switch (tab) {
    case "timeline":
      return <Timeline episodeId={episode.id} stepCount={episode.stepCount} />;
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
  await requirePageRole("viewer", `/episodes/${rawId}`);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const episode = await getEpisode(id);
  if (!episode) notFound();
  const search = await searchParams;
  const list = listQuery(search.list);
  const tab = parseTab(search.tab, episode.kind);
  return (
    <article className="space-y-4">
      <EpisodeHeader episode={episode} list={list} />
      <EpisodeTabs episodeId={episode.id} kind={episode.kind} current={tab} list={list} />
      <TabPanel tab={tab} episode={episode} />
      <EpisodeKeys episodeId={episode.id} list={list} />
    </article>
  );
}
