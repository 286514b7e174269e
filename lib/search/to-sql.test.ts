import { describe, expect, it } from "vitest";
import { episodeFilterSchema, type EpisodeFilter } from "./filter";
import { makeRedaction } from "./redaction";
import { filterToSql } from "./to-sql";

const filterOf = (params: Record<string, string | string[]>): EpisodeFilter => episodeFilterSchema.parse(params);

describe("filterToSql", () => {
  it("matches everything without a filter", () => {
    expect(filterToSql(filterOf({}))).toEqual({ where: "TRUE", params: [] });
  });

  it.each<[Record<string, string>, string, unknown[]]>([
    [{ kind: "contextual" }, `e.kind = ANY($1::"EpisodeKind"[])`, [["contextual"]]],
    [{ source: "swe-agent,openhands" }, "e.source_format = ANY($1::text[])", [["openhands", "swe-agent"]]],
    [{ repo: "a/b" }, "e.repo = ANY($1::text[])", [["a/b"]]],
    [{ agent: "x" }, "e.agent = ANY($1::text[])", [["x"]]],
    [{ model: "m" }, "e.model = ANY($1::text[])", [["m"]]],
    [{ exit: "limit,timeout" }, `e.exit_status_class = ANY($1::"ExitStatusClass"[])`, [["limit", "timeout"]]],
    [{ review: "approved" }, `e.review_status = ANY($1::"ReviewStatus"[])`, [["approved"]]],
    [{ batch: "4,7" }, "e.import_batch_id = ANY($1::int[])", [[4, 7]]],
    [{ instance: "django__django-1" }, "e.instance_id = ANY($1::text[])", [["django__django-1"]]],
    [{ resolved: "true" }, "e.resolved = ANY($1::boolean[])", [[true]]],
    [{ resolved: "unknown" }, "e.resolved IS NULL", []],
    [{ resolved: "false,unknown" }, "(e.resolved = ANY($1::boolean[]) OR e.resolved IS NULL)", [[false]]],
    [{ flag: "stuck_loop,secret" }, "e.quality_flags @> $1::text[]", [["secret", "stuck_loop"]]],
    [{ steps: "60.." }, "e.step_count >= $1::int", [60]],
    [{ tokens: "..32000" }, "e.token_count <= $1::int", [32000]],
    [{ cost: "0.5..2" }, "e.cost_usd >= $1::float8 AND e.cost_usd <= $2::float8", [0.5, 2]],
    [{ patch: "1..100" }, "e.patch_bytes >= $1::int AND e.patch_bytes <= $2::int", [1, 100]],
    [{ files: "3..3" }, "e.files_touched >= $1::int AND e.files_touched <= $2::int", [3, 3]],
    [{ tool: "bash" }, "e.tools && $1::text[]", [["bash"]]],
    [{ label: "good,tricky" }, "e.labels && $1::text[]", [["good", "tricky"]]],
    [{ annotator: "u1" }, "e.annotators && $1::text[]", [["u1"]]],
    [{ score: "0.5.." }, "e.score >= $1::float8", [0.5]],
    [{ path: "tests/" }, "e.touched_paths LIKE $1", ["%tests/%"]],
    [{ path: "100%_x" }, "e.touched_paths LIKE $1", ["%100\\%\\_x%"]],
    [{ path: "src/*.py" }, "e.touched_paths ~ $1", ["(^|\n)src/[^\n]*\\.py(\n|$)"]],
    [{ path: "a?.py,docs/" }, "(e.touched_paths ~ $1 OR e.touched_paths LIKE $2)", ["(^|\n)a[^\n]\\.py(\n|$)", "%docs/%"]],
    [
      { text: "QuerySet.filter(" },
      "EXISTS (SELECT 1 FROM episode_contents c WHERE c.episode_id = e.id AND (c.task_text ILIKE $1 OR c.final_patch ILIKE $1))",
      ["%QuerySet.filter(%"],
    ],
    [{ has_tests: "true" }, "(e.f2p_pass IS NOT NULL OR e.p2p_pass IS NOT NULL)", []],
    [{ has_tests: "false" }, "(e.f2p_pass IS NULL AND e.p2p_pass IS NULL)", []],
    [{ has_gold: "true" }, "e.has_gold_patch", []],
    [{ has_gold: "false" }, "NOT e.has_gold_patch", []],
    [
      { q: "null pointer" },
      "EXISTS (SELECT 1 FROM episode_contents c WHERE c.episode_id = e.id AND c.search_vector @@ websearch_to_tsquery('simple', $1))",
      ["null pointer"],
    ],
  ])("%j", (params, where, values) => {
    expect(filterToSql(filterOf(params))).toEqual({ where, params: values });
  });

  it("ANDs across keys with placeholders numbered in order", () => {
    const { where, params } = filterToSql(filterOf({ model: "m1,m2", exit: "limit", steps: "10..20", tool: "bash", has_gold: "true", q: "bug" }));
    expect(where).toBe(
      [
        "e.model = ANY($1::text[])",
        `e.exit_status_class = ANY($2::"ExitStatusClass"[])`,
        "e.step_count >= $3::int",
        "e.step_count <= $4::int",
        "e.tools && $5::text[]",
        "e.has_gold_patch",
        "EXISTS (SELECT 1 FROM episode_contents c WHERE c.episode_id = e.id AND c.search_vector @@ websearch_to_tsquery('simple', $6))",
      ].join(" AND "),
    );
    expect(params).toEqual([["m1", "m2"], ["limit"], 10, 20, ["bash"], "bug"]);
  });

  it("keeps hostile values in params only", () => {
    const hostile = [`o'brien"; DROP TABLE episodes; --`, "100%_done", "back\\slash", "$$body$$", "a'||'b"];
    const filter = filterOf({ repo: hostile, model: hostile, agent: hostile, source: hostile, instance: hostile, tool: hostile, q: hostile.join(" ") });
    const { where, params } = filterToSql(filter);
    for (const value of hostile) expect(where).not.toContain(value);
    expect(where).not.toMatch(/[;%\\]|DROP|brien/);
    expect(params).toContainEqual([...hostile].sort());
    expect(params).toContain(hostile.join(" "));
  });

  describe("under a redaction (blind review)", () => {
    const redaction = makeRedaction([
      { id: 7, bulkLabels: ["curated"] },
      { id: 3, bulkLabels: [] },
    ])!;

    it("leaves a filter without review clauses as it was, binding nothing more", () => {
      expect(filterToSql(filterOf({ model: "m", tool: "bash" }), redaction)).toEqual(filterToSql(filterOf({ model: "m", tool: "bash" })));
    });

    it.each<[Record<string, string>, string, unknown[]]>([
      [{ review: "approved" }, `(e.review_status = ANY($1::"ReviewStatus"[]) AND NOT e.id = ANY($2::int[]))`, [["approved"], [3, 7]]],
      [
        { review: "approved,pending" },
        `((e.review_status = ANY($1::"ReviewStatus"[]) AND NOT e.id = ANY($2::int[])) OR e.id = ANY($2::int[]))`,
        [["approved", "pending"], [3, 7]],
      ],
      [{ score: "0.5.." }, "(e.score >= $1::float8 AND NOT e.id = ANY($2::int[]))", [0.5, [3, 7]]],
      [
        { label: "curated" },
        "((e.labels && $1::text[] AND NOT e.id = ANY($2::int[])) OR (e.id = ANY($2::int[]) AND e.bulk_labels && $1::text[]))",
        [["curated"], [3, 7]],
      ],
      [{ annotator: "u1" }, "(e.annotators && $1::text[] AND NOT e.id = ANY($2::int[]))", [["u1"], [3, 7]]],
    ])("%j reads what the redaction shows for withheld episodes", (params, where, values) => {
      expect(filterToSql(filterOf(params), redaction)).toEqual({ where, params: values });
    });

    it("sorts by the score the redaction shows", () => {
      expect(filterToSql(filterOf({ sort: "score" }), redaction)).toEqual({
        where: "TRUE",
        params: [[3, 7]],
        scoreColumn: "(CASE WHEN e.id = ANY($1::int[]) THEN NULL ELSE e.score END)",
      });
      expect(filterToSql(filterOf({ sort: "score" })).scoreColumn).toBeUndefined();
    });
  });
});
