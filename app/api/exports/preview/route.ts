import { route } from "@/lib/http";
import { exportPreviewRequestSchema, previewExport } from "@/lib/export/plan/preview";

/** What a recipe would export (counts, drops, duplicates, splits, shares), without writing it. */
export const POST = route({ role: "reviewer", body: exportPreviewRequestSchema }, ({ body, actor, request }) =>
  previewExport(body.recipe, { actor: actor ?? undefined, signal: request.signal }),
);
