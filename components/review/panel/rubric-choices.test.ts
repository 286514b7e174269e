import { describe, expect, it } from "vitest";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { rubricChoices } from "./rubric-choices";

function rubric(id: number, name: string, versions: number[]): Rubric {
  const current = versions.at(-1)!;
  return {
    id,
    name,
    description: "",
    createdBy: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    current: { id: id * 10 + current, rubricId: id, version: current, instructions: "", dimensions: [], isUsed: false, createdBy: null, createdAt: "2025-01-01T00:00:00.000Z" },
    versions: versions.map((v) => ({ id: id * 10 + v, version: v, createdAt: "2025-01-01T00:00:00.000Z", judgments: 0 })),
  };
}

describe("rubric choices", () => {
  it("offers each rubric's current version, and an older one only where I judged under it", () => {
    const rubrics = [rubric(1, "Quick", [1, 2]), rubric(2, "Deep", [1])];
    expect(rubricChoices(rubrics, [])).toEqual([
      { versionId: 12, label: "Quick (version 2)" },
      { versionId: 21, label: "Deep (version 1)" },
    ]);
    expect(rubricChoices(rubrics, [11, 12, 11, 99]).slice(2)).toEqual([
      { versionId: 11, label: "Quick (version 1, your judgment)" },
      { versionId: 99, label: "Rubric version #99 (your judgment)" },
    ]);
  });
});
