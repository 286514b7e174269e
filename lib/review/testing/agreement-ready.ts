/**
 * Whether lib/review/agreement.ts holds the real maths or still the placeholder (on a branch
 * that does not have it yet). Tests of figures computed with it run only when it is real.
 */
import { cohenKappa } from "../agreement";

export const isAgreementReady = (() => {
  try {
    cohenKappa([["a", "a"]]);
    return true;
  } catch {
    return false;
  }
})();
