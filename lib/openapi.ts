/**
 * The OpenAPI 3.1 document for the REST API, generated from the same zod schemas the handlers
 * parse with (z.toJSONSchema), so parameters and list/facet responses cannot drift from the code.
 */
import { z, type ZodType } from "zod";
import { stepWindowQuerySchema } from "@/lib/viewer/read-steps";
import { stepSearchQuerySchema } from "@/lib/viewer/search-steps";
import { batchListQuerySchema } from "@/lib/ingest/batches";
import { facetCountsSchema } from "@/lib/search/facets";
import { episodeFilterParamsSchema } from "@/lib/search/filter";
import { episodeListSchema, pageSchema } from "@/lib/search/find-episodes";
import { groupListParamsSchema, instanceModelMatrixSchema, matrixParamsSchema, rolloutGroupListSchema } from "@/lib/search/groups";
import { insightsSchema } from "@/lib/insights/insights";
import { exportPreviewRequestSchema, PREVIEW_PAIR_LIMIT } from "@/lib/export/plan/preview";
import { bulkActionResultSchema, bulkActionSchema, bulkPreviewResultSchema, bulkPreviewSchema } from "@/lib/bulk/schema";
import { commentCreateSchema, commentDeletedSchema, commentListSchema, commentPatchSchema, commentSchema } from "@/lib/review/comments/schema";
import { conflictListSchema, conflictQuerySchema, queueAgreementSchema } from "@/lib/review/consensus/schema";
import { auditPageSchema, auditQuerySchema } from "@/lib/review/history/schema";
import { adjudicationCreateSchema, adjudicationSchema, episodeReviewSchema, judgmentCreateSchema, judgmentListSchema, judgmentPatchSchema, judgmentSchema } from "@/lib/review/judgments/schema";
import { effectiveMasksSchema, episodeMasksSchema, maskConfirmResultSchema, maskConfirmSchema, maskCreateSchema, maskDeletedSchema, stepMaskSchema } from "@/lib/review/masks/schema";
import { claimResultSchema, queueCreateSchema, queueGoldSchema, queueItemListSchema, queueListSchema, queuePatchSchema, queueProgressSchema, queueSchema, slotActionResultSchema } from "@/lib/review/queues/schema";
import { rubricCreateSchema, rubricListSchema, rubricPatchSchema, rubricSchema, rubricVersionSchema } from "@/lib/review/rubrics/schema";
import { annotatorStatsListSchema, annotatorStatsQuerySchema } from "@/lib/review/stats/schema";
import { userListSchema } from "@/lib/auth/user-list";
import { exportPaths } from "./openapi-export";
import { savedViewCreateSchema, savedViewListSchema, savedViewPatchSchema, savedViewSchema } from "@/lib/views/schema";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function queryParameters(schema: ZodType) {
  const json = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
    // Multi-values: repeat the key (`?model=a&model=b`) or comma-separate (`?model=a,b`).
    ...(property.type === "array" ? { style: "form", explode: true } : {}),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
  }));
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
const idParameter = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const pathId = (name: string) => ({ name, in: "path", required: true, schema: { type: "integer", minimum: 1 } });

function ok(description: string, schema: JsonSchema = { type: "object" }) {
  return { description, content: { "application/json": { schema } } };
}

const errorRef = { $ref: "#/components/responses/Error" };

function body(schema: ZodType) {
  return { required: true, content: { "application/json": { schema: jsonSchema(schema, "input") } } };
}

const errors = {
  "401": { $ref: "#/components/responses/Error" },
  "403": { $ref: "#/components/responses/Error" },
  "422": { $ref: "#/components/responses/Error" },
};

/** Review (issue #6): rubrics, judgments, masks, comments, queues, agreement, audit, stats. Roles in each summary. */
function reviewPaths(viewer: { security: object[] }) {
  const get = (summary: string, response: ZodType, parameters: object[] = []) => ({
    get: { summary, ...viewer, parameters, responses: { "200": ok(summary, jsonSchema(response)), "404": errorRef, ...errors } },
  });
  const write = (method: "post" | "patch" | "delete", summary: string, request: ZodType | null, response: ZodType, parameters: object[] = []) => ({
    [method]: {
      summary,
      ...viewer,
      parameters,
      ...(request ? { requestBody: body(request) } : {}),
      responses: { "200": ok(summary, jsonSchema(response)), "404": errorRef, "409": errorRef, ...errors },
    },
  });
  const episode = [idParameter];
  return {
    "/api/rubrics": { ...get("Rubrics, newest version of each", rubricListSchema), ...write("post", "Create a rubric; admin", rubricCreateSchema, rubricSchema) },
    "/api/rubrics/{id}": {
      ...get("One rubric with its versions", rubricSchema, [idParameter]),
      ...write("patch", "Edit a rubric: in place while unused, else a new version; admin", rubricPatchSchema, rubricSchema, [idParameter]),
    },
    "/api/rubrics/versions/{id}": get("One rubric version (immutable once used)", rubricVersionSchema, [idParameter]),
    "/api/episodes/{id}/review": get("An episode's review: judgments (blind rules apply), adjudication, status", episodeReviewSchema, episode),
    "/api/episodes/{id}/review/judgments": {
      ...get("Judgments of an episode visible to the caller", judgmentListSchema, episode),
      ...write("post", "Judge an episode: scores, labels, verdict and reason; annotator", judgmentCreateSchema, judgmentSchema, episode),
    },
    "/api/episodes/{id}/review/judgments/{judgmentId}": write(
      "patch",
      "Change a judgment; 409 when `version` is stale (reload); its annotator or a reviewer",
      judgmentPatchSchema,
      judgmentSchema,
      [idParameter, pathId("judgmentId")],
    ),
    "/api/episodes/{id}/review/adjudication": write("post", "Final verdict recording both sides; reviewer", adjudicationCreateSchema, adjudicationSchema, episode),
    "/api/episodes/{id}/masks": {
      ...get("Step training masks: confirmed ranges and proposals from quality signals", episodeMasksSchema, episode),
      ...write("post", "Mark a step range train / context / drop; annotator", maskCreateSchema, stepMaskSchema, episode),
    },
    "/api/episodes/{id}/masks/confirm": write("post", "Confirm proposed masks; annotator", maskConfirmSchema, maskConfirmResultSchema, episode),
    "/api/episodes/{id}/masks/effective": get("The mask of every step (confirmed over proposed)", effectiveMasksSchema, episode),
    "/api/episodes/{id}/masks/{maskId}": write("delete", "Remove a mask; annotator", null, maskDeletedSchema, [idParameter, pathId("maskId")]),
    "/api/episodes/{id}/comments": {
      ...get("Comments on the episode and its steps", commentListSchema, episode),
      ...write("post", "Comment on the episode or one step; annotator", commentCreateSchema, commentSchema, episode),
    },
    "/api/episodes/{id}/comments/{commentId}": {
      ...write("patch", "Edit your comment", commentPatchSchema, commentSchema, [idParameter, pathId("commentId")]),
      ...write("delete", "Delete your comment", null, commentDeletedSchema, [idParameter, pathId("commentId")]),
    },
    "/api/queues": { ...get("Review queues with progress", queueListSchema), ...write("post", "Create a queue from a saved view or filter; admin", queueCreateSchema, queueSchema) },
    "/api/queues/{id}": {
      ...get("One queue", queueSchema, [idParameter]),
      ...write("patch", "Rename, close, change overlap, blind mode or reservation time; admin", queuePatchSchema, queueSchema, [idParameter]),
    },
    "/api/queues/{id}/gold": write("post", "Add gold items with known answers; admin", queueGoldSchema, queueSchema, [idParameter]),
    "/api/queues/{id}/items": get("Items and their slots; reviewer", queueItemListSchema, [idParameter]),
    "/api/queues/{id}/next": write("post", "Claim the next slot (time-limited reservation); annotator", null, claimResultSchema, [idParameter]),
    "/api/queues/{id}/slots/{slotId}/skip": write("post", "Skip a claimed slot; annotator", null, slotActionResultSchema, [idParameter, pathId("slotId")]),
    "/api/queues/{id}/slots/{slotId}/release": write("post", "Give a claimed slot back; annotator", null, slotActionResultSchema, [idParameter, pathId("slotId")]),
    "/api/queues/{id}/progress": get("Progress per queue and per annotator", queueProgressSchema, [idParameter]),
    "/api/queues/{id}/agreement": get("Krippendorff's alpha per rubric dimension, Cohen's kappa per annotator pair, gold accuracy; reviewer", queueAgreementSchema, [idParameter]),
    "/api/queues/{id}/conflicts": get("Items whose judgments disagree; reviewer", conflictListSchema, [idParameter, ...queryParameters(conflictQuerySchema)]),
    "/api/audit": get("The audit trail (read-only): who, when, before, after", auditPageSchema, queryParameters(auditQuerySchema)),
    "/api/annotators/stats": get("Per annotator: items per day, median time per item, agreement with peers and gold, verdict mix (optionally in one queue)", annotatorStatsListSchema, queryParameters(annotatorStatsQuerySchema)),
    "/api/users": get("Every account: id, name, email, role (for pickers); reviewer", userListSchema),
  };
}

export function openApiDocument() {
  const viewer = { security: [{ bearer: [] }, { session: [] }] };
  return {
    openapi: "3.1.0",
    info: { title: "Atelier", version: "1", description: "Curate coding-agent trajectories. Roles: viewer < annotator < reviewer < admin." },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API key (`npm run atelier -- keys create`)" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      responses: { Error: { description: "The one error shape", content: { "application/json": { schema: jsonSchema(errorSchema) } } } },
    },
    paths: {
      "/api/health": { get: { summary: "Database reachability, migrations, episode count", responses: { "200": ok("Healthy or degraded"), "503": ok("Database down") } } },
      "/api/episodes": {
        get: {
          summary: "Filtered, sorted, keyset-paginated episode list",
          ...viewer,
          parameters: queryParameters(episodeFilterParamsSchema.extend(pageSchema.shape)),
          responses: { "200": ok("One page", jsonSchema(episodeListSchema)), ...errors },
        },
      },
      "/api/episodes/facets": {
        get: {
          summary: "Facet value counts (each under the filter minus its own selection) and numeric histograms",
          ...viewer,
          parameters: queryParameters(episodeFilterParamsSchema),
          responses: { "200": ok("Counts and histograms", jsonSchema(facetCountsSchema)), ...errors },
        },
      },
      "/api/episodes/groups": {
        get: {
          summary: "Rollout groups: episodes sharing an instance id under the filter, most attempts first, keyset-paginated",
          ...viewer,
          parameters: queryParameters(groupListParamsSchema),
          responses: { "200": ok("One page of groups", jsonSchema(rolloutGroupListSchema)), ...errors },
        },
      },
      "/api/episodes/matrix": {
        get: {
          summary: "Instance × model outcome counts under the filter (top 20 models, then other), rows keyset-paginated",
          ...viewer,
          parameters: queryParameters(matrixParamsSchema),
          responses: { "200": ok("One page of rows", jsonSchema(instanceModelMatrixSchema)), ...errors },
        },
      },
      "/api/episodes/bulk/preview": {
        post: {
          summary: "Exact number of episodes the filter (a URL query string) matches; role reviewer",
          ...viewer,
          requestBody: body(bulkPreviewSchema),
          responses: { "200": ok("Count", jsonSchema(bulkPreviewResultSchema)), ...errors },
        },
      },
      "/api/episodes/bulk": {
        post: {
          summary: "Add or remove a label, set the review status or delete every episode the filter matches, in one audited transaction; 409 when the count is not expectedCount; role reviewer",
          ...viewer,
          requestBody: body(bulkActionSchema),
          responses: { "200": ok("Applied", jsonSchema(bulkActionResultSchema)), "409": errorRef, ...errors },
        },
      },
      "/api/exports/preview": {
        post: {
          summary: `What a recipe would export, without writing it: per component the resolved filter, matched, selected episodes, entries, tokens, truncations, drops by reason and share; duplicate pairs (first ${PREVIEW_PAIR_LIMIT} of each kind, plus exactTotal and nearTotal); decontamination counts per list; train / validation sizes; totals. 404 for a missing saved view; role reviewer`,
          ...viewer,
          requestBody: body(exportPreviewRequestSchema),
          responses: { "200": ok("{ report }"), "404": errorRef, ...errors },
        },
      },
      "/api/insights": {
        get: {
          summary: "Insights under the filter: totals and token split by kind, composition, resolved rates, distributions, review progress",
          ...viewer,
          parameters: queryParameters(episodeFilterParamsSchema),
          responses: { "200": ok("The numbers behind the Insights page", jsonSchema(insightsSchema)), ...errors },
        },
      },
      "/api/views": {
        get: { summary: "My saved views and those shared with the team, by name", ...viewer, responses: { "200": ok("Views", jsonSchema(savedViewListSchema)), ...errors } },
        post: {
          summary: "Save a view (its query stored canonical); 409 on a duplicate name",
          ...viewer,
          requestBody: body(savedViewCreateSchema),
          responses: { "201": ok("The view", jsonSchema(savedViewSchema)), "409": errorRef, ...errors },
        },
      },
      "/api/views/{id}": {
        patch: {
          summary: "Rename, re-filter or (un)share a view; owner or admin",
          ...viewer,
          parameters: [idParameter],
          requestBody: body(savedViewPatchSchema),
          responses: { "200": ok("The view", jsonSchema(savedViewSchema)), "404": errorRef, "409": errorRef, ...errors },
        },
        delete: { summary: "Delete a view; owner or admin", ...viewer, parameters: [idParameter], responses: { "200": ok("Deleted: { id }"), "404": errorRef, ...errors } },
      },
      ...reviewPaths(viewer),
      ...exportPaths({ jsonSchema, body, ok, errors, errorRef, idParameter, security: viewer }),
      "/api/episodes/{id}": {
        get: { summary: "One episode with its contents", ...viewer, parameters: [idParameter], responses: { "200": ok("The episode"), "404": { $ref: "#/components/responses/Error" }, ...errors } },
      },
      "/api/episodes/{id}/steps": {
        get: {
          summary: "A window of an episode's steps: `{ steps, to }`; texts over 64K characters cut to head and tail (`clips` says where), at most ~2 MB per answer (carry on from `to`); `full=true&limit=1` gives one step whole",
          ...viewer,
          parameters: [idParameter, ...queryParameters(stepWindowQuerySchema)],
          responses: { "200": ok("{ steps, to }"), ...errors },
        },
      },
      "/api/episodes/{id}/edits": {
        get: {
          summary: "How an episode's files changed: editor calls, their edits and answers, shell commands naming file changes, the final patch and a PR sample's files (for the diff views and the repo-state scrubber)",
          ...viewer,
          parameters: [idParameter],
          responses: { "200": ok("{ edits: [{ stepIdx, part }], finalPatch, baseFiles, truncated }"), "404": errorRef, ...errors },
        },
      },
      "/api/episodes/{id}/search": {
        get: {
          summary: "Indexes of the steps containing q (case-insensitive), at most 1,000",
          ...viewer,
          parameters: [idParameter, ...queryParameters(stepSearchQuerySchema)],
          responses: { "200": ok("{ steps, total }"), ...errors },
        },
      },
      "/api/episodes/{id}/neighbors": {
        get: {
          summary: "The episodes before and after this one in the filter's order (the viewer's n / p)",
          ...viewer,
          parameters: [idParameter, ...queryParameters(episodeFilterParamsSchema)],
          responses: { "200": ok("{ previous, next }"), "404": errorRef, ...errors },
        },
      },
      "/api/imports": {
        get: { summary: "Import history", ...viewer, parameters: queryParameters(batchListQuerySchema), responses: { "200": ok("Batches"), ...errors } },
        post: {
          summary: "Start an import (multipart files or a raw body); role reviewer",
          ...viewer,
          parameters: [
            { name: "format", in: "query", schema: { type: "string" } },
            { name: "skipInvalid", in: "query", schema: { type: "string", enum: ["true", "false", "1", "0"] } },
            { name: "filename", in: "query", schema: { type: "string", maxLength: 200 } },
          ],
          responses: { "202": ok("Started: { batchId, status, url }"), ...errors },
        },
      },
      "/api/imports/{id}": {
        get: { summary: "One batch: status, progress, counts, errors", ...viewer, parameters: [idParameter], responses: { "200": ok("The batch"), ...errors } },
        delete: { summary: "Undo a committed batch; role reviewer", ...viewer, parameters: [idParameter], responses: { "200": ok("Undone"), ...errors } },
      },
    },
  };
}
