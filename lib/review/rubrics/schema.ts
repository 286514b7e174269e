/**
 * Rubrics over the HTTP API. A rubric has a name and versions; a version holds Markdown
 * instructions and typed dimensions. Stored as JSON in rubric_versions.dimensions and parsed with
 * `rubricDimensionsSchema` whenever it is read back.
 */
import { z } from "zod";
import { labelSchema } from "@/lib/bulk/label";

const dimensionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Dimension keys are lower_snake_case identifiers of at most 40 characters, starting with a letter.");
const title = z.string().trim().min(1, "Give it a label.").max(100);
const description = z.string().max(4000).default("");

const dimensionBase = {
  key: dimensionKey,
  label: title,
  description,
  /** A judgment cannot be submitted without a value for a required dimension. */
  required: z.boolean().default(true),
};

/** One point of an ordinal scale with its anchor (what that score means). */
export const scalePointSchema = z.object({ value: z.number().int().min(-100).max(100), label: title, description });

/** A choice from the label taxonomy: the value is the label an episode gets when it is chosen. */
export const choiceOptionSchema = z.object({ value: labelSchema, label: z.string().max(100).default(""), description });

const distinct = <T>(values: T[]) => new Set(values).size === values.length;

export const ordinalDimensionSchema = z.object({
  ...dimensionBase,
  type: z.literal("ordinal"),
  points: z
    .array(scalePointSchema)
    .min(2, "An ordinal scale needs at least two points.")
    .max(11)
    .refine((points) => points.every((p, i) => i === 0 || p.value > points[i - 1].value), "Scale points must be listed in increasing order, each value once."),
});
export const booleanDimensionSchema = z.object({ ...dimensionBase, type: z.literal("boolean") });
const choiceFields = {
  options: z
    .array(choiceOptionSchema)
    .min(2, "A choice needs at least two options.")
    .max(100)
    .refine((options) => distinct(options.map((o) => o.value)), "Each option value may appear once."),
};
export const singleChoiceDimensionSchema = z.object({ ...dimensionBase, type: z.literal("single_choice"), ...choiceFields });
export const multiChoiceDimensionSchema = z.object({ ...dimensionBase, type: z.literal("multi_choice"), ...choiceFields });
export const textDimensionSchema = z.object({
  ...dimensionBase,
  required: z.boolean().default(false),
  type: z.literal("text"),
  maxLength: z.number().int().min(1).max(20_000).default(4000),
});

export const dimensionSchema = z.discriminatedUnion("type", [
  ordinalDimensionSchema,
  booleanDimensionSchema,
  singleChoiceDimensionSchema,
  multiChoiceDimensionSchema,
  textDimensionSchema,
]);
export type Dimension = z.output<typeof dimensionSchema>;
export type DimensionType = Dimension["type"];

export const rubricDimensionsSchema = z
  .array(dimensionSchema)
  .min(1, "A rubric needs at least one dimension.")
  .max(50)
  .refine((dimensions) => distinct(dimensions.map((d) => d.key)), "Each dimension key may appear once.");

const rubricName = z.string().trim().min(1, "Give the rubric a name.").max(100);
/** Markdown, shown beside the episode while judging (rendered as text, never as HTML). */
const instructions = z.string().max(50_000).default("");

export const rubricCreateSchema = z.object({
  name: rubricName,
  description: z.string().max(2000).default(""),
  instructions,
  dimensions: rubricDimensionsSchema,
});
export type RubricCreate = z.output<typeof rubricCreateSchema>;

/** Name and description change in place; new instructions or dimensions make a new version once the current one is used. */
export const rubricPatchSchema = z
  .object({
    name: rubricName.optional(),
    description: z.string().max(2000).optional(),
    instructions: z.string().max(50_000).optional(),
    dimensions: rubricDimensionsSchema.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), "Send at least one of name, description, instructions, dimensions.");
export type RubricPatch = z.output<typeof rubricPatchSchema>;

const person = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();

export const rubricVersionSchema = z.object({
  id: z.number().int(),
  rubricId: z.number().int(),
  version: z.number().int(),
  instructions: z.string(),
  dimensions: z.array(dimensionSchema),
  /** Used by at least one judgment, so frozen: the next edit makes a new version. */
  isUsed: z.boolean(),
  createdBy: person,
  createdAt: z.iso.datetime(),
});
export type RubricVersion = z.infer<typeof rubricVersionSchema>;

export const rubricSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  createdBy: person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The version new judgments and queues use. */
  current: rubricVersionSchema,
  versions: z.array(z.object({ id: z.number().int(), version: z.number().int(), createdAt: z.iso.datetime(), judgments: z.number().int() })),
});
export type Rubric = z.infer<typeof rubricSchema>;

export const rubricListSchema = z.object({ items: z.array(rubricSchema) });
export type RubricList = z.infer<typeof rubricListSchema>;
