-- Substring search (`text=`): case-insensitive "contains" over task text and final patch, for what
-- full text cannot find (code fragments such as `QuerySet.filter(` or `self._cache[key]`). Trigram
-- GIN indexes answer ILIKE '%…%' without scanning. Hand-written: Prisma has no operator classes.
CREATE INDEX "episode_contents_task_text_trgm_idx" ON "episode_contents" USING GIN ("task_text" gin_trgm_ops);

CREATE INDEX "episode_contents_final_patch_trgm_idx" ON "episode_contents" USING GIN ("final_patch" gin_trgm_ops);
