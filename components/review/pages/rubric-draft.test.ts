import { describe, expect, it } from "vitest";
import { rubricSchema, type Rubric } from "@/lib/review/rubrics/schema";
import { checkDraft, draftFromRubric, emptyDimension, emptyRubricDraft, keyFromLabel, rubricPatch, type RubricDraft } from "./rubric-draft";

function filledDraft(): RubricDraft {
  const draft = emptyRubricDraft();
  draft.name = "Patch quality";
  const scale = draft.dimensions[0];
  scale.label = "Correctness";
  scale.key = keyFromLabel(scale.label);
  scale.points = [
    { value: "1", label: "Wrong", description: "Does not fix the issue" },
    { value: "2", label: "Partly", description: "" },
    { value: "3", label: "Right", description: "" },
  ];
  const flag = emptyDimension("boolean");
  flag.label = "Tests added?";
  flag.key = keyFromLabel(flag.label);
  draft.dimensions.push(flag);
  return draft;
}

const rubric: Rubric = rubricSchema.parse({
  id: 7,
  name: "Patch quality",
  description: "",
  createdBy: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  current: {
    id: 11,
    rubricId: 7,
    version: 2,
    instructions: "Read the patch.",
    isUsed: true,
    createdBy: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    dimensions: [
      { key: "correctness", label: "Correctness", description: "", required: true, type: "ordinal", points: [{ value: 1, label: "Wrong", description: "" }, { value: 2, label: "Right", description: "" }] },
      { key: "kind", label: "Kind", description: "", required: false, type: "single_choice", options: [{ value: "bugfix", label: "Bug fix", description: "" }, { value: "feature", label: "", description: "" }] },
    ],
  },
  versions: [{ id: 11, version: 2, createdAt: "2025-01-01T00:00:00.000Z", judgments: 3 }],
});

describe("keyFromLabel", () => {
  it("makes lower_snake_case keys that start with a letter", () => {
    expect(keyFromLabel("Solves the issue?")).toBe("solves_the_issue");
    expect(keyFromLabel("3rd-party code")).toBe("d_3rd_party_code");
    expect(keyFromLabel("  ")).toBe("");
    expect(keyFromLabel("x".repeat(60))).toHaveLength(40);
  });
});

describe("checkDraft", () => {
  it("turns a filled draft into the API's input", () => {
    const result = checkDraft(filledDraft());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.dimensions).toEqual([
      expect.objectContaining({ key: "correctness", type: "ordinal", points: [expect.objectContaining({ value: 1, label: "Wrong" }), expect.objectContaining({ value: 2 }), expect.objectContaining({ value: 3 })] }),
      expect.objectContaining({ key: "tests_added", type: "boolean", required: true }),
    ]);
  });

  it("says where each problem is", () => {
    const draft = filledDraft();
    draft.name = "";
    draft.dimensions[0].points[1] = { value: "two", label: "", description: "" };
    draft.dimensions[1].key = "Bad Key";
    const result = checkDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        "Name: Give the rubric a name.",
        "Dimension 1 (Correctness) › point 2 › value: Give a whole number.",
        "Dimension 1 (Correctness) › point 2 › anchor: Give it a label.",
        expect.stringMatching(/^Dimension 2 \(Tests added\?\) › key: Dimension keys are lower_snake_case/),
      ]),
    );
  });

  it("refuses a scale that does not go up", () => {
    const draft = filledDraft();
    draft.dimensions[0].points[2].value = "2";
    const result = checkDraft(draft);
    expect(result.ok ? [] : result.problems).toEqual(["Dimension 1 (Correctness) › scale: Scale points must be listed in increasing order, each value once."]);
  });
});

describe("rubricPatch", () => {
  it("sends nothing when nothing changed, so a used version is not copied for nothing", () => {
    const check = checkDraft(draftFromRubric(rubric));
    expect(check.ok).toBe(true);
    if (check.ok) expect(rubricPatch(rubric, check.value)).toBeNull();
  });

  it("sends a rename alone, and dimensions only when they changed", () => {
    const draft = draftFromRubric(rubric);
    draft.name = "Patch quality v2";
    let check = checkDraft(draft);
    if (check.ok) expect(rubricPatch(rubric, check.value)).toEqual({ name: "Patch quality v2" });
    draft.dimensions[0].points[1].label = "Correct";
    check = checkDraft(draft);
    expect(check.ok && rubricPatch(rubric, check.value)).toEqual({ name: "Patch quality v2", dimensions: expect.arrayContaining([expect.objectContaining({ key: "correctness" })]) });
  });
});
