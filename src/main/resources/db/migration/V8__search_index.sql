-- Summaries waiting to be embedded and upserted into the search index (the Qdrant collection
-- ENRICHMENT_SEARCH_COLLECTION). A writer adds or refreshes the row in the transaction that writes the summary, so a
-- summary is never committed without its pending index entry; the worker embeds and upserts outside any transaction
-- and deletes the row only if it was not enqueued again meanwhile (same enqueued_at). No foreign key: day summaries
-- and rollups live in two tables with separate id spaces, and an entry whose summary is gone removes its point.
CREATE TABLE IF NOT EXISTS enrichment_search_outbox (
    kind            TEXT        NOT NULL CHECK (kind IN ('day', 'week', 'month')),
    summary_id      INTEGER     NOT NULL,
    enqueued_at     TIMESTAMPTZ NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    PRIMARY KEY (kind, summary_id)
);

-- the worker's claim: due entries, oldest first
CREATE INDEX IF NOT EXISTS enrichment_search_outbox_due ON enrichment_search_outbox (next_attempt_at);
