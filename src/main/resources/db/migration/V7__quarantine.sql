-- Points discovery set aside because they cannot be enriched as they are (a timestamp far in the future or before
-- any real conversation, an unusable user id, no readable text). They never move a cursor and never stop the rest of
-- their collection; an admin can look at them and, once the data is fixed, have them read again.
CREATE TABLE IF NOT EXISTS enrichment_quarantine (
    collection_name TEXT        NOT NULL,
    point_id        TEXT        NOT NULL,
    bot_name        TEXT        NOT NULL,
    user_id         TEXT,
    reason          TEXT        NOT NULL,
    detail          TEXT        NOT NULL,
    point_time      TIMESTAMPTZ,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    last_seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (collection_name, point_id)
);

CREATE INDEX IF NOT EXISTS enrichment_quarantine_bot ON enrichment_quarantine (bot_name, reason);

-- why the collection's last discovery failed, cleared by the next one that succeeds
ALTER TABLE enrichment_discovery_cursors ADD COLUMN IF NOT EXISTS last_error TEXT;
ALTER TABLE enrichment_discovery_cursors ADD COLUMN IF NOT EXISTS last_error_at TIMESTAMPTZ;
