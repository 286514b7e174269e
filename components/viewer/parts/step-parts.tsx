"use client";

import { useMemo } from "react";
import type { StepPart } from "@/lib/formats/episode";
import type { FieldClip } from "@/lib/viewer/step-caps";
import type { TestRunSummary } from "@/lib/viewer/test-output";
import { FileEditPart } from "./file-edit-part";
import { ObservationPart } from "./observation-part";
import type { PartContext } from "./part-props";
import { ProsePart } from "./prose-part";
import { ToolCallPart } from "./tool-call-part";

type Shared = Omit<PartContext, "clips" | "idPrefix">;

function clipsOf(clips: FieldClip[], part: number): Map<string, FieldClip> {
  return new Map(clips.filter((c) => c.part === part).map((c) => [c.field, c]));
}

/** A step's parts in order, each with its renderer. */
export function StepParts({ parts, clips, testRun, shared }: { parts: StepPart[]; clips: FieldClip[]; testRun: TestRunSummary | null; shared: Shared }) {
  // Stable per step, so the renderers' memoized line parsing survives re-renders.
  const clipsByPart = useMemo(() => parts.map((_, i) => clipsOf(clips, i)), [parts, clips]);
  if (parts.length === 0) return <p className="text-xs text-stone-500">(empty step)</p>;
  return (
    <div className="space-y-3">
      {parts.map((part, i) => {
        const context: PartContext = { ...shared, clips: clipsByPart[i], idPrefix: `step-${shared.stepIdx}-p${i}` };
        switch (part.type) {
          case "message":
            return <ProsePart key={i} text={part.text} label={null} context={context} />;
          case "reasoning":
            return <ProsePart key={i} text={part.text} label="Reasoning" context={context} />;
          case "tool_call":
            return <ToolCallPart key={i} part={part} context={context} />;
          case "observation":
            return <ObservationPart key={i} part={part} testRun={testRun} context={context} />;
          case "file_edit":
            return <FileEditPart key={i} part={part} context={context} />;
        }
      })}
    </div>
  );
}
