-- The claim takes the oldest ready window: ORDER BY window_start, id LIMIT 1 among pending and expired processing
-- rows. Without an index in that order PostgreSQL sorts every pending row for each claim, so a large backlog costs
-- quadratically; with it the claim reads rows in order and stops at the first ready one.
CREATE INDEX IF NOT EXISTS idx_enrichment_windows_claim
    ON enrichment_windows (window_start, id)
    WHERE status IN ('pending', 'processing');
