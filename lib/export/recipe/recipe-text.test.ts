import { describe, expect, it } from "vitest";
import { exampleRecipeInput } from "./example";
import { checkRecipeText, recipeText } from "./recipe-text";

describe("checkRecipeText", () => {
  it("accepts the example recipe and fills defaults", () => {
    const check = checkRecipeText(recipeText(exampleRecipeInput));
    expect(check.problems).toEqual([]);
    expect(check.recipe?.components.map((c) => c.name)).toEqual(["pr-derived", "rollouts-passing", "rollouts-other"]);
  });

  it("points at the line of a JSON syntax error", () => {
    const check = checkRecipeText('{\n  "name": "x",\n  oops\n}');
    expect(check.recipe).toBeNull();
    expect(check.problems[0]).toMatch(/^Not valid JSON at line 3/);
  });

  it("points at the end of a text that stops early", () => {
    expect(checkRecipeText('{\n  "name": "x",\n  "components": [').problems[0]).toMatch(/^Not valid JSON at line 3, column 18/);
  });

  it("names the field that is wrong", () => {
    const check = checkRecipeText(JSON.stringify({ name: "x", components: [{ name: "a", weight: { share: 2 } }] }));
    expect(check.problems.some((p) => p.startsWith("components.0.weight"))).toBe(true);
  });
});
