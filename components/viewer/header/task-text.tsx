import { revealBidiControls } from "@/lib/viewer/ansi";
import { SafeMarkdown } from "../safe-markdown";
import { ExpandableBox } from "./expandable-box";

export function TaskText({ text }: { text: string }) {
  return (
    <section aria-label="Task">
      <h2 className="mb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase">Task</h2>
      <ExpandableBox label="task">
        <SafeMarkdown text={revealBidiControls(text)} />
      </ExpandableBox>
    </section>
  );
}
