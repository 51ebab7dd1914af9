-- V4: what the admin jobs need beyond V2: who started them, liveness, resumability and their observable results.
ALTER TABLE enrichment_jobs
    ADD COLUMN started_by   TEXT,                 -- the caller's role ("admin key"), never the key
    ADD COLUMN heartbeat_at TIMESTAMPTZ,          -- refreshed while running; a stale one means the process died
    ADD COLUMN checkpoint   JSONB,                -- where a resumed run continues
    ADD COLUMN per_bot      JSONB,                -- progress and outcome per bot
    ADD COLUMN counters     JSONB,                -- totals
    ADD COLUMN sample       JSONB;                -- for a dry run: some of the planned changes

-- One job of a kind at a time, across replicas: a second insert fails and the API answers 409.
CREATE UNIQUE INDEX uq_enrichment_jobs_active_kind ON enrichment_jobs (kind) WHERE status IN ('queued', 'running');
