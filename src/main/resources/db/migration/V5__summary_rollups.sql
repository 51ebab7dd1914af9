-- V5: weekly and monthly rollups of the day (window) summaries.
-- They live in the service's own tables, not in conversation_summaries: the bots read that table with
-- ORDER BY start_timestamp DESC LIMIT 1 and no type filter, and must keep getting the latest day summary from it.

-- One rollup per (bot, user, granularity, period). The period is a UTC week (starting on RECAP_WEEK_STARTS_ON) or a
-- UTC calendar month, half-open [period_start, period_end). The ids fit the API's summary ids (integer).
CREATE TABLE enrichment_summary_rollups (
    id                 SERIAL PRIMARY KEY,
    bot_name           TEXT             NOT NULL,
    user_id            TEXT             NOT NULL,
    granularity        TEXT             NOT NULL,
    period_start       TIMESTAMPTZ      NOT NULL,
    period_end         TIMESTAMPTZ      NOT NULL,
    summary_text       TEXT             NOT NULL,
    summary_type       TEXT             NOT NULL,
    message_count      INTEGER          NOT NULL,
    key_topics         TEXT[],
    emotional_tone     TEXT,
    confidence_score   DOUBLE PRECISION,
    enrichment_version TEXT             NOT NULL,
    model              TEXT,
    prompt_version     TEXT,
    -- provenance: the day summaries it was built from and the revision of each (1 = never replaced), same order
    source_summary_ids INTEGER[]        NOT NULL,
    source_revisions   INTEGER[]        NOT NULL,
    -- a hash of the sources (ids, revisions, updated_at); a rebuild is only made when it would differ
    source_fingerprint TEXT             NOT NULL,
    created_at         TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CONSTRAINT enrichment_summary_rollups_granularity_check CHECK (granularity IN ('week', 'month')),
    CONSTRAINT enrichment_summary_rollups_range_check CHECK (period_end > period_start),
    CONSTRAINT uq_enrichment_summary_rollups_period UNIQUE (bot_name, user_id, granularity, period_start)
);
-- The listing: newest period first within a granularity, keyset-paged.
CREATE INDEX idx_enrichment_summary_rollups_listing
    ON enrichment_summary_rollups (granularity, period_start DESC, id DESC);

-- Earlier content of a rollup, kept when a rebuild replaces it.
CREATE TABLE enrichment_summary_rollup_revisions (
    id                 BIGSERIAL PRIMARY KEY,
    rollup_id          INTEGER          NOT NULL REFERENCES enrichment_summary_rollups (id) ON DELETE CASCADE,
    summary_text       TEXT             NOT NULL,
    summary_type       TEXT             NOT NULL,
    message_count      INTEGER          NOT NULL,
    key_topics         TEXT[],
    emotional_tone     TEXT,
    confidence_score   DOUBLE PRECISION,
    enrichment_version TEXT             NOT NULL,
    model              TEXT,
    prompt_version     TEXT,
    source_summary_ids INTEGER[]        NOT NULL,
    source_revisions   INTEGER[]        NOT NULL,
    reason             TEXT             NOT NULL,
    revised_at         TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX idx_enrichment_summary_rollup_revisions_rollup
    ON enrichment_summary_rollup_revisions (rollup_id, revised_at);

-- The worker's to-do list: periods one of whose day summaries was written since their rollup was last looked at.
-- Marked in the transaction that writes the day summary; removed in the one that writes the rollup. An idle cycle
-- reads only this table (and enrichment_windows for the settled check), never every summary.
-- marked_count / claimed_mark: a day written while its rollup is being built leaves the mark in place.
CREATE TABLE enrichment_rollup_marks (
    id               BIGSERIAL PRIMARY KEY,
    bot_name         TEXT        NOT NULL,
    user_id          TEXT        NOT NULL,
    granularity      TEXT        NOT NULL,
    period_start     TIMESTAMPTZ NOT NULL,
    period_end       TIMESTAMPTZ NOT NULL,
    marked_count     BIGINT      NOT NULL DEFAULT 1,
    claimed_mark     BIGINT,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    last_error       TEXT,
    next_attempt_at  TIMESTAMPTZ,
    lease_owner      TEXT,
    lease_expires_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT enrichment_rollup_marks_granularity_check CHECK (granularity IN ('week', 'month')),
    CONSTRAINT uq_enrichment_rollup_marks_period UNIQUE (bot_name, user_id, granularity, period_start)
);
-- Finding due marks: ended periods first.
CREATE INDEX idx_enrichment_rollup_marks_due ON enrichment_rollup_marks (period_end);
