/**
 * The rubric editor's state and its way to the API: inputs hold text, the draft becomes a
 * rubricCreateSchema input, and the shared schema says what is wrong (worded by position, so the
 * editor can say "Dimension 2 › point 1 › anchor: Give it a label.").
 */
import type { z } from "zod";
import { rubricCreateSchema, type Dimension, type DimensionType, type Rubric, type RubricCreate, type RubricPatch } from "@/lib/review/rubrics/schema";

export type EntryDraft = { value: string; label: string; description: string };
export type DimensionDraft = {
  /** React key only; never sent. */
  uid: string;
  type: DimensionType;
  label: string;
  key: string;
  /** Once edited by hand the key stops following the label. */
  isKeyEdited: boolean;
  description: string;
  required: boolean;
  /** Kept whatever the type, so switching type and back loses nothing. */
  points: EntryDraft[];
  options: EntryDraft[];
  maxLength: string;
};
export type RubricDraft = { name: string; description: string; instructions: string; dimensions: DimensionDraft[] };

let uidCounter = 0;
const nextUid = () => `d${++uidCounter}`;

const entry = (value = "", label = "", description = ""): EntryDraft => ({ value, label, description });

/** lower_snake_case from a label, as the schema wants keys: "Solves the issue?" -> "solves_the_issue". */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  if (key === "") return "";
  return /^[a-z]/.test(key) ? key : `d_${key}`.slice(0, 40);
}

export function emptyDimension(type: DimensionType = "ordinal"): DimensionDraft {
  return {
    uid: nextUid(),
    type,
    label: "",
    key: "",
    isKeyEdited: false,
    description: "",
    required: type !== "text",
    points: [entry("1"), entry("2"), entry("3")],
    options: [entry(), entry()],
    maxLength: "4000",
  };
}

export function emptyRubricDraft(): RubricDraft {
  return { name: "", description: "", instructions: "", dimensions: [emptyDimension()] };
}

function draftOf(dimension: Dimension): DimensionDraft {
  const base = { ...emptyDimension(dimension.type), label: dimension.label, key: dimension.key, isKeyEdited: true, description: dimension.description, required: dimension.required };
  switch (dimension.type) {
    case "ordinal":
      return { ...base, points: dimension.points.map((p) => entry(String(p.value), p.label, p.description)) };
    case "single_choice":
    case "multi_choice":
      return { ...base, options: dimension.options.map((o) => entry(o.value, o.label, o.description)) };
    case "text":
      return { ...base, maxLength: String(dimension.maxLength) };
    case "boolean":
      return base;
  }
}

/** The editor's starting point for an existing rubric: its name and its current version. */
export function draftFromRubric(rubric: Rubric): RubricDraft {
  return { name: rubric.name, description: rubric.description, instructions: rubric.current.instructions, dimensions: rubric.current.dimensions.map(draftOf) };
}

/** A whole number from an input, or NaN so the schema refuses it. */
function whole(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

function dimensionInput(d: DimensionDraft) {
  const base = { key: d.key.trim(), label: d.label, description: d.description, required: d.required };
  switch (d.type) {
    case "ordinal":
      return { ...base, type: d.type, points: d.points.map((p) => ({ value: whole(p.value), label: p.label, description: p.description })) };
    case "single_choice":
    case "multi_choice":
      return { ...base, type: d.type, options: d.options.map((o) => ({ value: o.value.trim(), label: o.label, description: o.description })) };
    case "text":
      return { ...base, type: d.type, maxLength: whole(d.maxLength) };
    case "boolean":
      return { ...base, type: d.type };
  }
}

const fieldNames: Record<string, string> = { label: "label", key: "key", value: "value", description: "description", maxLength: "maximum length" };

/** "Dimension 2 › point 1 › anchor" from a zod path. */
export function describePath(path: readonly PropertyKey[], draft: RubricDraft): string {
  const [top, index, part, subIndex, field] = path;
  if (top !== "dimensions") return top === "name" ? "Name" : top === "instructions" ? "Instructions" : top === "description" ? "Description" : "Rubric";
  if (typeof index !== "number") return "Dimensions";
  const dimension = draft.dimensions[index];
  const where = [`Dimension ${index + 1}${dimension?.label.trim() ? ` (${dimension.label.trim()})` : ""}`];
  if (part === "points" || part === "options") {
    const noun = part === "points" ? "point" : "option";
    if (typeof subIndex === "number") where.push(`${noun} ${subIndex + 1}`);
    else where.push(part === "points" ? "scale" : "options");
    if (typeof field === "string") where.push(part === "points" && field === "label" ? "anchor" : (fieldNames[field] ?? field));
  } else if (typeof part === "string") where.push(fieldNames[part] ?? part);
  return where.join(" › ");
}

export type DraftCheck = { ok: true; value: RubricCreate } | { ok: false; problems: string[] };

export function checkDraft(draft: RubricDraft): DraftCheck {
  const input: z.input<typeof rubricCreateSchema> = {
    name: draft.name,
    description: draft.description,
    instructions: draft.instructions,
    dimensions: draft.dimensions.map(dimensionInput),
  };
  const parsed = rubricCreateSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const message = issue.code === "invalid_type" && issue.expected === "number" ? "Give a whole number." : issue.message;
    return `${describePath(issue.path, draft)}: ${message}`;
  });
  return { ok: false, problems: [...new Set(problems)] };
}

/**
 * Only what changed: instructions or dimensions are sent only when they differ from the current
 * version, since sending them makes a new version once the current one is used. null = nothing changed.
 */
export function rubricPatch(rubric: Rubric, next: RubricCreate): RubricPatch | null {
  const patch: RubricPatch = {};
  if (next.name !== rubric.name) patch.name = next.name;
  if (next.description !== rubric.description) patch.description = next.description;
  if (next.instructions !== rubric.current.instructions) patch.instructions = next.instructions;
  if (JSON.stringify(next.dimensions) !== JSON.stringify(rubric.current.dimensions)) patch.dimensions = next.dimensions;
  return Object.keys(patch).length === 0 ? null : patch;
}
