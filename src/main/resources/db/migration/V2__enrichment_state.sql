-- V2: the service's own state. Every table is prefixed enrichment_ and every timestamp is timestamptz.
-- Values are written by the application (time comes from its Clock); the defaults only serve manual SQL.

-- Per Qdrant collection: how far discovery has read.
CREATE TABLE enrichment_discovery_cursors (
    collection_name TEXT PRIMARY KEY,
    bot_name        TEXT        NOT NULL,
    cursor_at       TIMESTAMPTZ NOT NULL, -- newest timestamp_unix ingested from this collection
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One work item per (bot, user, window of the UTC window grid).
CREATE TABLE enrichment_windows (
    id                BIGSERIAL PRIMARY KEY,
    bot_name          TEXT        NOT NULL,
    user_id           TEXT        NOT NULL,
    window_start      TIMESTAMPTZ NOT NULL,
    window_end        TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'pending',
    newest_message_at TIMESTAMPTZ,
    attempts          INTEGER     NOT NULL DEFAULT 0,
    last_error        TEXT,
    lease_owner       TEXT,
    lease_expires_at  TIMESTAMPTZ,
    next_attempt_at   TIMESTAMPTZ,
    last_analyzed_at  TIMESTAMPTZ,
    summary_id        INTEGER REFERENCES conversation_summaries (id) ON DELETE SET NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT enrichment_windows_status_check
        CHECK (status IN ('pending', 'processing', 'done', 'skipped', 'failed')),
    CONSTRAINT enrichment_windows_range_check CHECK (window_end > window_start),
    CONSTRAINT enrichment_windows_attempts_check CHECK (attempts >= 0),
    CONSTRAINT uq_enrichment_windows_window UNIQUE (bot_name, user_id, window_start, window_end)
);
-- Claiming ready work: WHERE status = ... AND next_attempt_at <= now.
CREATE INDEX idx_enrichment_windows_ready ON enrichment_windows (status, next_attempt_at);
-- Keeps ON DELETE SET NULL cheap when the bots delete a summary.
CREATE INDEX idx_enrichment_windows_summary ON enrichment_windows (summary_id);

-- Earlier content of a conversation summary, kept when a revision replaces it.
CREATE TABLE enrichment_summary_revisions (
    id                 BIGSERIAL PRIMARY KEY,
    summary_id         INTEGER     NOT NULL REFERENCES conversation_summaries (id) ON DELETE CASCADE,
    summary_text       TEXT        NOT NULL,
    summary_type       TEXT        NOT NULL,
    key_topics         TEXT[],
    emotional_tone     TEXT,
    compression_ratio  DOUBLE PRECISION,
    confidence_score   DOUBLE PRECISION,
    message_count      INTEGER     NOT NULL,
    enrichment_version TEXT        NOT NULL,
    reason             TEXT        NOT NULL,
    revised_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_enrichment_summary_revisions_summary ON enrichment_summary_revisions (summary_id, revised_at);

-- What happened to each fact and why. No foreign key: the bots may delete facts, their history stays.
CREATE TABLE enrichment_fact_history (
    id                 BIGSERIAL PRIMARY KEY,
    relationship_id    UUID,
    user_id            TEXT        NOT NULL,
    bot_name           TEXT,
    entity_type        TEXT        NOT NULL,
    entity_name        TEXT        NOT NULL,
    relationship_type  TEXT        NOT NULL,
    change             TEXT        NOT NULL,
    confidence_before  DOUBLE PRECISION,
    confidence_after   DOUBLE PRECISION,
    source_message_ids TEXT[],
    window_start       TIMESTAMPTZ,
    window_end         TIMESTAMPTZ,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT enrichment_fact_history_change_check
        CHECK (change IN ('created', 'confirmed', 'strengthened', 'superseded', 'backfilled'))
);
CREATE INDEX idx_enrichment_fact_history_user ON enrichment_fact_history (user_id, recorded_at);
CREATE INDEX idx_enrichment_fact_history_relationship ON enrichment_fact_history (relationship_id);

-- Admin jobs: persisted so they survive restarts and can be observed and cancelled.
CREATE TABLE enrichment_jobs (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    kind             TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'queued',
    dry_run          BOOLEAN     NOT NULL DEFAULT false,
    parameters       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    progress_done    BIGINT      NOT NULL DEFAULT 0,
    progress_total   BIGINT,
    result           JSONB,
    error            TEXT,
    cancel_requested BOOLEAN     NOT NULL DEFAULT false,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT enrichment_jobs_status_check
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);
CREATE INDEX idx_enrichment_jobs_kind_status ON enrichment_jobs (kind, status);
