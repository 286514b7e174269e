import { NotBuiltYet } from "@/components/layout/not-built-yet";

export const metadata = { title: "Insights" };

export default function InsightsPage() {
  return <NotBuiltYet title="Insights" what="Charts of corpus composition, outcomes and review progress will live here." />;
}
