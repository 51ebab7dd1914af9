-- Windows a history-enrichment job marked for itself. The job analyses them under its own token budget and
-- calls-per-minute limit, so the worker's claim passes them by; a discovery mark (new messages) hands a window back
-- to the worker. NULL for every other window.
ALTER TABLE enrichment_windows ADD COLUMN IF NOT EXISTS history_job uuid;

CREATE INDEX IF NOT EXISTS idx_enrichment_windows_history_job
    ON enrichment_windows (history_job, window_start)
    WHERE history_job IS NOT NULL;
