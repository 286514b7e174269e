"use client";

import { createContext, useContext, type ReactNode } from "react";

type StepReview = { episodeId: number; canReview: boolean };

const StepReviewContext = createContext<StepReview | null>(null);

/** Lets each timeline step show its mask and comments (and, for annotators, change them) without threading props through the list. */
export function StepReviewProvider({ episodeId, canReview, children }: StepReview & { children: ReactNode }) {
  return <StepReviewContext.Provider value={{ episodeId, canReview }}>{children}</StepReviewContext.Provider>;
}

export function useStepReview(): StepReview | null {
  return useContext(StepReviewContext);
}
