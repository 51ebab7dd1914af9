-- V3: what the enrichment pipeline needs beyond V2.

-- Point ids already accounted for in the overlap band just below the cursor: discovery re-reads that band each
-- cycle to absorb clock skew between bot processes, and these ids keep it from marking the same windows again.
ALTER TABLE enrichment_discovery_cursors
    ADD COLUMN overlap_point_ids TEXT[] NOT NULL DEFAULT '{}';

-- marked_count grows with every discovery mark; a claim remembers the value it saw (claimed_mark), so marks that
-- arrive while a window is being analysed send it back to pending instead of being lost.
-- analysis_model, prompt_version and input_hash describe the analysis behind the current summary; they go to the
-- revision when that summary is replaced.
ALTER TABLE enrichment_windows
    ADD COLUMN marked_count   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN claimed_mark   BIGINT,
    ADD COLUMN message_count  INTEGER,
    ADD COLUMN analysis_model TEXT,
    ADD COLUMN prompt_version TEXT,
    ADD COLUMN input_hash     TEXT;

-- Claiming scans pending windows and expired leases.
CREATE INDEX idx_enrichment_windows_lease ON enrichment_windows (lease_expires_at) WHERE status = 'processing';

-- Provenance of the replaced content.
ALTER TABLE enrichment_summary_revisions
    ADD COLUMN model          TEXT,
    ADD COLUMN prompt_version TEXT,
    ADD COLUMN input_hash     TEXT;
