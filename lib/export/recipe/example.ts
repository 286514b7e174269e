/**
 * The daVinci-style mid-training recipe from the export issue: approved PR-derived episodes under
 * 32K tokens, environment rollouts under 128K with passing ones upsampled 3×, no SWE-bench
 * repositories, split by repository. Uses only filters every corpus has, so it runs unchanged
 * anywhere (`atelier export --example-recipe`, the README and the "New recipe" page show it).
 */
import { recipeSchema, type RecipeInput } from "./schema";

export const exampleRecipeInput = {
  name: "davinci-style mid-training mixture",
  description: "Contextually-native PR samples plus environmentally-native rollouts; passing rollouts weighted 3x.",
  seed: 1234,
  components: [
    { name: "pr-derived", filter: "kind=contextual", reviewStatus: ["approved"], maxTokens: 32_768, overLimit: "drop", weight: { upsample: 1 } },
    {
      name: "rollouts-passing",
      filter: "kind=environmental&resolved=true",
      reviewStatus: ["approved"],
      maxTokens: 131_072,
      overLimit: "truncate",
      weight: { upsample: 3 },
    },
    {
      name: "rollouts-other",
      filter: "kind=environmental&resolved=false,unknown",
      reviewStatus: ["approved"],
      maxTokens: 131_072,
      overLimit: "truncate",
      weight: { upsample: 1 },
    },
  ],
  dedup: { exact: true, near: true, threshold: 0.8 },
  decontamination: { swebench: true, instanceIds: [], repos: [], lists: [] },
  split: { validation: 0.05 },
  format: { file: "jsonl", style: "chat", template: "auto", useProposedMasks: false, shardMb: 256 },
  tokenizer: { type: "o200k_base" },
} satisfies RecipeInput;

export const exampleRecipe = recipeSchema.parse(exampleRecipeInput);
