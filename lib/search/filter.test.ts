import { describe, expect, it } from "vitest";
import { episodeFilterSchema, parseEpisodeFilter, toSearchParams } from "./filter";

const strict = (query: string) => {
  const params = new URLSearchParams(query);
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) record[key] = params.getAll(key).length === 1 ? params.get(key)! : params.getAll(key);
  return episodeFilterSchema.safeParse(record);
};

describe("episodeFilterSchema (strict, for the API)", () => {
  it("reads repeated and comma-separated values, ranges, booleans and the sort", () => {
    const result = strict("model=a,b&model=c&kind=contextual&steps=60..&tokens=..32000&cost=0.5..2.25&has_gold=true&has_tests=false&sort=cost&dir=asc&q=%20fix%20");
    expect(result.success && result.data).toEqual({
      model: ["a", "b", "c"],
      kind: ["contextual"],
      steps: { min: 60 },
      tokens: { max: 32000 },
      cost: { min: 0.5, max: 2.25 },
      hasGold: true,
      hasTests: false,
      sort: "cost",
      dir: "asc",
      q: "fix",
    });
  });

  it("defaults to newest first", () => {
    expect(episodeFilterSchema.parse({})).toEqual({ sort: "created", dir: "desc" });
  });

  it.each([
    ["steps=abc", "steps"],
    ["steps=10..5", "steps"],
    ["steps=..", "steps"],
    ["steps=1.5..", "steps"],
    ["tokens=99999999999..", "tokens"],
    ["kind=nonsense", "kind"],
    ["flag=stuck_loop,not_a_flag", "flag"],
    ["resolved=maybe", "resolved"],
    ["batch=0", "batch"],
    ["has_gold=yes", "has_gold"],
    ["sort=random", "sort"],
    ["colour=red", ""],
  ])("refuses %s", (query, path) => {
    const result = strict(query);
    expect(result.success).toBe(false);
    if (!result.success && path) expect(result.error.issues[0].path[0]).toBe(path);
  });
});

describe("parseEpisodeFilter (forgiving, for URLs)", () => {
  it("drops invalid values and unknown keys instead of failing", () => {
    expect(parseEpisodeFilter(new URLSearchParams("steps=abc&colour=red&model=m1"))).toEqual({ model: ["m1"], sort: "created", dir: "desc" });
  });

  it("keeps the valid items of a multi-value key", () => {
    const filter = parseEpisodeFilter({ flag: ["stuck_loop,bogus", "secret"], batch: "3,x", sort: "sideways" });
    expect(filter).toEqual({ flag: ["secret", "stuck_loop"], batch: [3], sort: "created", dir: "desc" });
  });

  it("round-trips through toSearchParams with a stable order", () => {
    const query = "dir=asc&has_gold=false&model=zeta,alpha&q=null+pointer&steps=5..60&sort=tokens&resolved=unknown,true&cost=..1.5";
    const filter = parseEpisodeFilter(new URLSearchParams(query));
    const params = toSearchParams(filter);
    expect(params.toString()).toBe("q=null+pointer&model=alpha%2Czeta&resolved=true%2Cunknown&steps=5..60&cost=..1.5&has_gold=false&sort=tokens&dir=asc");
    expect(parseEpisodeFilter(params)).toEqual(filter);
    expect(toSearchParams(parseEpisodeFilter(new URLSearchParams())).toString()).toBe("");
  });
});
