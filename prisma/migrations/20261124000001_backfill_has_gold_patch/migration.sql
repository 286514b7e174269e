-- Backfill (hand-written): episodes imported before has_gold_patch existed. Same rule as
-- lib/ingest/to-rows.ts: a gold patch with at least one non-whitespace character.
UPDATE "episodes" AS e
SET "has_gold_patch" = true
FROM "episode_contents" AS c
WHERE c."episode_id" = e."id" AND c."gold_patch" ~ '\S' AND NOT e."has_gold_patch";
