/**
 * The one episode filter: the URL, the list, the facet counts, bulk actions and exports all read
 * it. `episodeFilterSchema` is strict (the API answers 422); `parseEpisodeFilter` is forgiving
 * (a bad link drops the bad values and still opens). Both produce the same `EpisodeFilter`.
 *
 * URL form: multi-values repeat the key or comma-separate (`model=a,b`), OR within a key and AND
 * across keys; ranges are `min..max` with either side optional (`steps=60..`, `tokens=..32000`).
 */
import { z } from "zod";
import { episodeKinds, exitStatusClasses } from "@/lib/formats/episode";
import { ReviewStatus } from "@/lib/generated/prisma/enums";
import { qualityFlags } from "@/lib/quality/signals";

export const sortKeys = ["created", "steps", "tokens", "cost", "patch", "score", "id"] as const;
export type SortKey = (typeof sortKeys)[number];
export const sortDirections = ["desc", "asc"] as const;
export type SortDirection = (typeof sortDirections)[number];
export const resolvedValues = ["true", "false", "unknown"] as const;
export const reviewStatuses = Object.values(ReviewStatus);

const MAX_VALUES = 100;
const INT4_MAX = 2_147_483_647;

function splitValues(input: unknown): unknown {
  const raw = Array.isArray(input) ? input : [input];
  if (!raw.every((v) => typeof v === "string")) return input;
  const values = raw.flatMap((v: string) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
  // Deduplicated and sorted: the same selection is the same filter, whatever order the link had.
  return [...new Set(values)].sort();
}

function values<T extends z.ZodType>(item: T) {
  return z.preprocess(splitValues, z.array(item).min(1).max(MAX_VALUES)).optional();
}

const text = z.string().min(1).max(300);

export type NumberRange = { min?: number; max?: number };

function range(kind: "int" | "decimal") {
  const number = kind === "int" ? /^\d{1,10}$/ : /^\d{1,12}(\.\d{1,12})?$/;
  const side = (raw: string) => (raw === "" ? undefined : Number(raw));
  return z
    .string()
    .describe(`min..max with ${kind === "int" ? "whole" : "decimal"} numbers, either side optional (e.g. 60.. or ..32000)`)
    .transform((raw, ctx): NumberRange => {
      const [minText, maxText, ...rest] = raw.trim().split("..");
      const isWellFormed =
        rest.length === 0 && maxText !== undefined && [minText, maxText].every((t) => t === "" || number.test(t)) && minText + maxText !== "";
      if (!isWellFormed) {
        ctx.addIssue({ code: "custom", message: `Expected min..max with ${kind === "int" ? "whole" : ""} numbers, either side optional (e.g. 60.. or ..32000).` });
        return z.NEVER;
      }
      const result = { min: side(minText), max: side(maxText) };
      if ((result.min ?? 0) > INT4_MAX || (result.max ?? 0) > INT4_MAX) {
        ctx.addIssue({ code: "custom", message: `Bounds must be at most ${INT4_MAX}.` });
        return z.NEVER;
      }
      if (result.min !== undefined && result.max !== undefined && result.min > result.max) {
        ctx.addIssue({ code: "custom", message: "min must not exceed max." });
        return z.NEVER;
      }
      return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined));
    })
    .optional();
}

const yesNo = z.enum(["true", "false"]).transform((v) => v === "true").optional();

/** The URL parameters, in the order `toSearchParams` writes them. */
const filterParams = {
  q: z.string().trim().min(1).max(500).optional(),
  text: z.string().trim().min(3).max(300).optional(),
  kind: values(z.enum(episodeKinds)),
  source: values(text),
  repo: values(text),
  agent: values(text),
  model: values(text),
  exit: values(z.enum(exitStatusClasses)),
  resolved: values(z.enum(resolvedValues)),
  review: values(z.enum(reviewStatuses)),
  flag: values(z.enum(qualityFlags)),
  batch: values(z.coerce.number().int().positive().max(INT4_MAX)),
  label: values(text),
  annotator: values(text),
  instance: values(text),
  tool: values(text),
  path: values(text),
  steps: range("int"),
  tokens: range("int"),
  cost: range("decimal"),
  score: range("decimal"),
  patch: range("int"),
  files: range("int"),
  has_tests: yesNo,
  has_gold: yesNo,
  sort: z.enum(sortKeys).optional(),
  dir: z.enum(sortDirections).optional(),
};
type FilterParamName = keyof typeof filterParams;
const paramNames = Object.keys(filterParams) as FilterParamName[];

/** The filter's URL parameters alone, strict (unknown keys are an error); the list adds paging. */
export const episodeFilterParamsSchema = z.strictObject(filterParams);
type FilterParams = z.output<typeof episodeFilterParamsSchema>;

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** URL names to the filter's own names (`has_tests` → `hasTests`) and defaults for the sort. */
export function toEpisodeFilter({ has_tests, has_gold, sort, dir, ...facets }: FilterParams) {
  return withoutUndefined({ ...facets, hasTests: has_tests, hasGold: has_gold, sort: sort ?? "created", dir: dir ?? "desc" });
}

export const episodeFilterSchema = episodeFilterParamsSchema.transform(toEpisodeFilter);
export type EpisodeFilter = z.output<typeof episodeFilterSchema>;
/** The facets a filter can select values of (OR within, AND across). */
export type FacetKey =
  | "kind"
  | "source"
  | "repo"
  | "agent"
  | "model"
  | "exit"
  | "resolved"
  | "review"
  | "flag"
  | "batch"
  | "label"
  | "annotator"
  | "instance"
  | "tool";
export type RangeKey = "steps" | "tokens" | "cost" | "score" | "patch" | "files";

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function allValues(input: SearchParamsInput, name: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(name);
  const value = input[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The forgiving parser for links: unknown keys are ignored, an invalid value is dropped (for a
 * multi-value key only the invalid items), so a stale or hand-edited URL degrades, never fails.
 */
export function parseEpisodeFilter(input: SearchParamsInput): EpisodeFilter {
  const clean: Record<string, unknown> = {};
  for (const name of paramNames) {
    const raw = allValues(input, name);
    if (raw.length === 0) continue;
    const schema = filterParams[name];
    const candidate = raw.length === 1 ? raw[0] : raw;
    if (schema.safeParse(candidate).success) {
      clean[name] = candidate;
      continue;
    }
    const items = splitValues(raw);
    const isMultiValue = name in multiValueNames;
    if (!isMultiValue || !Array.isArray(items)) continue;
    const valid = items.filter((item) => schema.safeParse(item).success);
    if (valid.length > 0) clean[name] = valid.slice(0, MAX_VALUES);
  }
  return episodeFilterSchema.parse(clean);
}

const multiValueNames: Partial<Record<FilterParamName, true>> = Object.fromEntries(
  ([
    "kind",
    "source",
    "repo",
    "agent",
    "model",
    "exit",
    "resolved",
    "review",
    "flag",
    "batch",
    "label",
    "annotator",
    "instance",
    "tool",
    "path",
  ] satisfies (FacetKey | "path")[]).map((k) => [k, true]),
);

function formatRange({ min, max }: NumberRange): string {
  return `${min ?? ""}..${max ?? ""}`;
}

/**
 * The URL form of a filter: fixed key order, sorted multi-values, defaults left out, so the same
 * filter always gives the same (shareable, cacheable) URL. `parseEpisodeFilter` reads it back.
 */
export function toSearchParams(filter: EpisodeFilter): URLSearchParams {
  const { hasTests, hasGold, sort, dir, ...rest } = filter;
  const byName: Partial<Record<FilterParamName, unknown>> = {
    ...rest,
    has_tests: hasTests,
    has_gold: hasGold,
    sort: sort === "created" ? undefined : sort,
    dir: dir === "desc" ? undefined : dir,
  };
  const params = new URLSearchParams();
  for (const name of paramNames) {
    const value = byName[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) params.set(name, value.join(","));
    else if (typeof value === "object" && value !== null) params.set(name, formatRange(value as NumberRange));
    else params.set(name, String(value));
  }
  return params;
}
