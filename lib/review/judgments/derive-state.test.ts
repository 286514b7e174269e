import { describe, expect, it } from "vitest";
import type { Dimension } from "../rubrics/schema";
import { deriveReviewState, type ReviewInputs, type SubmittedJudgment } from "./derive-state";

const dimensions: Dimension[] = [
  {
    key: "quality",
    label: "Quality",
    description: "",
    required: true,
    type: "ordinal",
    points: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value), description: "" })),
  },
  { key: "solves", label: "Solves it", description: "", required: true, type: "boolean" },
  {
    key: "issue",
    label: "Issue",
    description: "",
    required: false,
    type: "multi_choice",
    options: ["hallucination", "loop", "test-edit"].map((value) => ({ value, label: value, description: "" })),
  },
  { key: "notes", label: "Notes", description: "", required: false, type: "text", maxLength: 100 },
];

function judgment(annotatorId: string, verdict: SubmittedJudgment["verdict"], scores: SubmittedJudgment["scores"], labels: string[] = []): SubmittedJudgment {
  return { annotatorId, verdict, scores, labels, dimensions };
}

const none: ReviewInputs["current"] = { reviewStatus: "pending", bulkLabels: [] };

describe("deriveReviewState", () => {
  it("scores the mean of normalized ordinal and boolean values over all submitted judgments", () => {
    const state = deriveReviewState({
      judgments: [judgment("u2", "approve", { quality: 5, solves: true, notes: "fine" }), judgment("u1", "approve", { quality: 2, solves: false })],
      adjudication: null,
      needed: 2,
      current: none,
    });
    // (1 + 1 + 0.25 + 0) / 4
    expect(state.score).toBe(0.5625);
    expect(state.annotators).toEqual(["u1", "u2"]);
    expect(state.reviewStatus).toBe("approved");
  });

  it("stays pending while judgments disagree or fewer than the queue's overlap are in", () => {
    const approve = judgment("u1", "approve", { quality: 4 });
    const reject = judgment("u2", "reject", { quality: 1 });
    expect(deriveReviewState({ judgments: [approve, reject], adjudication: null, needed: 2, current: none }).reviewStatus).toBe("pending");
    expect(deriveReviewState({ judgments: [approve], adjudication: null, needed: 2, current: none }).reviewStatus).toBe("pending");
    expect(deriveReviewState({ judgments: [reject], adjudication: null, needed: 1, current: none }).reviewStatus).toBe("rejected");
  });

  it("takes the adjudicated verdict and final values over the judgments", () => {
    const state = deriveReviewState({
      judgments: [judgment("u1", "approve", { quality: 5 }), judgment("u2", "reject", { quality: 1 })],
      adjudication: { verdict: "needs_changes", scores: { quality: 3, issue: ["loop"] }, dimensions },
      needed: 2,
      current: none,
    });
    expect(state).toMatchObject({ reviewStatus: "needs_changes", score: 0.5, reviewLabels: ["loop"] });
  });

  it("keeps a status set by a bulk action until someone submits a judgment", () => {
    const state = deriveReviewState({ judgments: [], adjudication: null, needed: 1, current: { reviewStatus: "approved", bulkLabels: ["bulk"] } });
    expect(state).toEqual({ reviewStatus: "approved", score: null, labels: ["bulk"], reviewLabels: [], annotators: [] });
  });

  it("recomputes the judgments' labels and keeps the ones a bulk action added", () => {
    const current = { reviewStatus: "pending" as const, bulkLabels: ["bulk-a"] };
    const state = deriveReviewState({
      judgments: [judgment("u1", "approve", { issue: ["loop", "test-edit"] }, ["hard"])],
      adjudication: null,
      needed: 1,
      current,
    });
    expect(state.reviewLabels).toEqual(["hard", "loop", "test-edit"]);
    expect(state.labels).toEqual(["bulk-a", "hard", "loop", "test-edit"]);
  });

  it("keeps a bulk-added label that judgments also gave after they drop it", () => {
    const state = deriveReviewState({ judgments: [judgment("u1", "approve", {}, [])], adjudication: null, needed: 1, current: { reviewStatus: "pending", bulkLabels: ["loop"] } });
    expect(state.reviewLabels).toEqual([]);
    expect(state.labels).toEqual(["loop"]);
  });
});
