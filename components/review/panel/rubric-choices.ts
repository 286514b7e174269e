/** The rubric versions an episode can be judged under outside a queue. Pure. */
import type { RubricList } from "@/lib/review/rubrics/schema";

export type RubricChoice = { versionId: number; label: string };

/** Each rubric's current version, plus older versions I already judged this episode under. */
export function rubricChoices(rubrics: RubricList["items"], judgedVersionIds: number[]): RubricChoice[] {
  const choices = rubrics.map((r) => ({ versionId: r.current.id, label: `${r.name} (version ${r.current.version})` }));
  for (const versionId of new Set(judgedVersionIds)) {
    if (choices.some((c) => c.versionId === versionId)) continue;
    const rubric = rubrics.find((r) => r.versions.some((v) => v.id === versionId));
    const version = rubric?.versions.find((v) => v.id === versionId);
    choices.push({ versionId, label: rubric && version ? `${rubric.name} (version ${version.version}, your judgment)` : `Rubric version #${versionId} (your judgment)` });
  }
  return choices;
}
