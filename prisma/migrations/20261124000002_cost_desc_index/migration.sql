-- Sorting by cost puts unknown costs last in both directions. Descending that is
-- "cost_usd DESC NULLS LAST, id DESC", which the ascending (cost_usd, id) index cannot serve
-- backwards (it would put NULLs first), so the newest-expensive-first list needs its own index.
CREATE INDEX "episodes_cost_usd_desc_id_idx" ON "episodes"("cost_usd" DESC NULLS LAST, "id" DESC);
