/**
 * The export recipe: what goes into a training mixture and how it is written. The same JSON is
 * saved (versioned) in the app, sent to POST /api/exports and read by `atelier export --recipe`.
 * Every default is explicit here, so a recipe's meaning never changes with the code around it.
 */
import { z } from "zod";
import { reviewStatuses } from "@/lib/search/filter";

export const overLimitActions = ["drop", "truncate"] as const;

/** How much of a component goes in: a token budget, a share of the whole mixture, or a repeat factor. */
export const componentWeightSchema = z.union([
  z.strictObject({ tokens: z.number().int().positive().describe("Token budget: episodes in seeded order until reached; repeated when the component holds fewer") }),
  z.strictObject({ share: z.number().gt(0).lt(1).describe("Fraction of the mixture's tokens") }),
  z.strictObject({ upsample: z.number().positive().max(100).describe("Copies of every episode; fractions take a seeded subset for the remainder (0.5 = half)") }),
]);
export type ComponentWeight = z.infer<typeof componentWeightSchema>;

export const componentSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    /** The episode list's URL query (`kind=contextual&repo=x`), exactly as /episodes?… takes it. */
    filter: z.string().max(8000).optional(),
    /** A saved view, by id; its query is resolved when the export runs and recorded in the manifest. */
    viewId: z.number().int().positive().optional(),
    reviewStatus: z.array(z.enum(reviewStatuses)).min(1).default(["approved"]),
    maxTokens: z.number().int().positive().optional(),
    overLimit: z.enum(overLimitActions).default("drop"),
    weight: componentWeightSchema.default({ upsample: 1 }),
  })
  .refine((c) => !(c.filter !== undefined && c.viewId !== undefined), { message: "Give a filter or a viewId, not both.", path: ["viewId"] });
export type RecipeComponent = z.output<typeof componentSchema>;

/** The twelve repositories of SWE-bench (full, Lite and Verified draw from these). */
export const swebenchRepos = [
  "astropy/astropy",
  "django/django",
  "matplotlib/matplotlib",
  "mwaskom/seaborn",
  "pallets/flask",
  "psf/requests",
  "pydata/xarray",
  "pylint-dev/pylint",
  "pytest-dev/pytest",
  "scikit-learn/scikit-learn",
  "sphinx-doc/sphinx",
  "sympy/sympy",
] as const;

export const decontaminationListSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Entries are matched against the instance id and the repository (`owner/name`), case-insensitively. */
  entries: z.array(z.string().trim().min(1).max(500)).max(1_000_000).optional(),
  /** A text file, one instance id or repository per line (`#` comments); read when the export runs (CLI and server). */
  file: z.string().max(4000).optional(),
});
export type DecontaminationList = z.infer<typeof decontaminationListSchema>;

export const recipeSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(""),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(0),
  components: z.array(componentSchema).min(1).max(50),
  dedup: z
    .strictObject({
      exact: z.boolean().default(true),
      near: z.boolean().default(true),
      /** Estimated Jaccard similarity of task text + final patch (5-word shingles) at or above which two episodes are near duplicates. */
      threshold: z.number().gt(0).max(1).default(0.8),
    })
    .default({ exact: true, near: true, threshold: 0.8 }),
  decontamination: z
    .strictObject({
      swebench: z.boolean().default(true).describe("Exclude the 12 SWE-bench repositories"),
      instanceIds: z.array(z.string().trim().min(1)).max(1_000_000).default([]),
      repos: z.array(z.string().trim().min(1)).max(100_000).default([]),
      lists: z.array(decontaminationListSchema).max(50).default([]),
    })
    .default({ swebench: true, instanceIds: [], repos: [], lists: [] }),
  split: z
    .strictObject({
      /** Share of episodes (by repository groups) that goes to validation; 0 writes train only. */
      validation: z.number().min(0).max(0.5).default(0.05),
    })
    .default({ validation: 0.05 }),
  format: z
    .strictObject({
      file: z.enum(["jsonl", "parquet"]).default("jsonl"),
      /** chat: OpenAI-style messages + tools + per-message loss weight; text: one string through a template. */
      style: z.enum(["chat", "text"]).default("chat"),
      /** Text style only. auto: pr-linear for PR-derived episodes, xml-rollout for the rest. */
      template: z.enum(["auto", "pr-linear", "xml-rollout"]).default("auto"),
      /** Unconfirmed mask proposals (e.g. loops as context only) count as masks when true. */
      useProposedMasks: z.boolean().default(false),
      shardMb: z.number().positive().max(10_000).default(256),
    })
    .default({ file: "jsonl", style: "chat", template: "auto", useProposedMasks: false, shardMb: 256 }),
  tokenizer: z
    .strictObject({
      /** o200k_base ships in the gpt-tokenizer package; tokenizer-json is the target model's Hugging Face tokenizer.json. */
      type: z.enum(["o200k_base", "tokenizer-json"]).default("o200k_base"),
      path: z.string().max(4000).optional(),
    })
    .refine((t) => t.type !== "tokenizer-json" || Boolean(t.path), { message: "tokenizer-json needs a path.", path: ["path"] })
    .default({ type: "o200k_base" }),
});
export type Recipe = z.output<typeof recipeSchema>;
export type RecipeInput = z.input<typeof recipeSchema>;
