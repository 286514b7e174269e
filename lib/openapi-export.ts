/** The export routes' part of the OpenAPI document (issue #7), from the same zod schemas the handlers parse with. */
import { z, type ZodType } from "zod";
import { exportCreateSchema, exportJobDetailSchema, exportJobListSchema, exportJobSchema } from "@/lib/export/jobs/schema";
import { recipeSaveSchema, recipeVersionSchema, savedRecipeListSchema, savedRecipeSchema } from "@/lib/export/recipes/schema";

type JsonSchema = Record<string, unknown>;
type Helpers = {
  jsonSchema: (schema: ZodType, io?: "input" | "output") => JsonSchema;
  body: (schema: ZodType) => object;
  ok: (description: string, schema?: JsonSchema) => object;
  errors: Record<string, object>;
  errorRef: object;
  idParameter: object;
  security: { security: object[] };
};

export function exportPaths({ jsonSchema, body, ok, errors, errorRef, idParameter, security }: Helpers) {
  const id = [idParameter];
  return {
    "/api/export-recipes": {
      get: { summary: "Saved recipes with their current version; role reviewer", ...security, responses: { "200": ok("Recipes", jsonSchema(savedRecipeListSchema)), ...errors } },
      post: {
        summary: "Save a new recipe as version 1; 409 on a duplicate name; role reviewer",
        ...security,
        requestBody: body(recipeSaveSchema),
        responses: { "201": ok("The recipe", jsonSchema(savedRecipeSchema)), "409": errorRef, ...errors },
      },
    },
    "/api/export-recipes/{id}": {
      get: { summary: "A recipe, its current version and the earlier ones", ...security, parameters: id, responses: { "200": ok("The recipe", jsonSchema(savedRecipeSchema)), "404": errorRef, ...errors } },
      put: {
        summary: "Save the next version (versions never change once written); role reviewer",
        ...security,
        parameters: id,
        requestBody: body(recipeSaveSchema),
        responses: { "200": ok("The recipe", jsonSchema(savedRecipeSchema)), "404": errorRef, "409": errorRef, ...errors },
      },
    },
    "/api/export-recipes/versions/{versionId}": {
      get: {
        summary: "One recipe version as saved",
        ...security,
        parameters: [{ ...idParameter, name: "versionId" }],
        responses: { "200": ok("The version", jsonSchema(recipeVersionSchema)), "404": errorRef, ...errors },
      },
    },
    "/api/exports": {
      get: { summary: "Exports, newest first; role reviewer", ...security, responses: { "200": ok("Exports", jsonSchema(exportJobListSchema)), ...errors } },
      post: {
        summary: "Start an export of a saved recipe version or an inline recipe; runs in the background (poll GET /api/exports/{id}); role reviewer",
        ...security,
        requestBody: body(exportCreateSchema),
        responses: { "202": ok("{ id }", jsonSchema(z.object({ id: z.number().int() }))), "404": errorRef, ...errors },
      },
    },
    "/api/exports/{id}": {
      get: { summary: "Status, progress, the recipe as run and, once done, the files and the plan report", ...security, parameters: id, responses: { "200": ok("The export", jsonSchema(exportJobDetailSchema)), "404": errorRef, ...errors } },
    },
    "/api/exports/{id}/cancel": {
      post: { summary: "Stop a queued or running export (resumable); 409 otherwise", ...security, parameters: id, responses: { "200": ok("The export", jsonSchema(exportJobSchema)), "409": errorRef, ...errors } },
    },
    "/api/exports/{id}/resume": {
      post: { summary: "Continue a cancelled or failed export from its last finished shard; 409 otherwise", ...security, parameters: id, responses: { "200": ok("The export", jsonSchema(exportJobSchema)), "409": errorRef, ...errors } },
    },
    "/api/exports/{id}/files/{path}": {
      get: {
        summary: "One file of a finished export (data/<split>-NNNNN-of-NNNNN.<ext>, manifest.json, report.json, README.md), streamed; only files the manifest lists",
        ...security,
        parameters: [...id, { name: "path", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "The file's bytes (x-content-sha256 header for shards)" }, "404": errorRef, ...errors },
      },
    },
  };
}
