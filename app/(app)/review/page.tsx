import { NotBuiltYet } from "@/components/layout/not-built-yet";

export const metadata = { title: "Review" };

export default function ReviewPage() {
  return <NotBuiltYet title="Review" what="Review queues, rubrics, verdicts and agreement will live here." />;
}
