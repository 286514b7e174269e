import { Suspense } from "react";
import { EpisodeBrowser } from "@/components/episodes/list/episode-browser";

export const metadata = { title: "Episodes" };

export default function EpisodesPage() {
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Episodes</h1>
      <Suspense fallback={<p className="text-stone-500">Loading episodes…</p>}>
        <EpisodeBrowser />
      </Suspense>
    </section>
  );
}
