-- Answer paragraphs the LLM wrote for recaps, reused until a summary or fact of the range changes: the key hashes
-- the bot, user, range, voice, model and every source's id and revision time, so a change simply misses.
CREATE TABLE IF NOT EXISTS enrichment_recap_answers (
    cache_key   TEXT PRIMARY KEY,
    bot_name    TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    range_from  TIMESTAMPTZ NOT NULL,
    range_to    TIMESTAMPTZ NOT NULL,
    answer      TEXT        NOT NULL,
    model       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- replaced answers of the same range are deleted when a new one is stored
CREATE INDEX IF NOT EXISTS enrichment_recap_answers_range
    ON enrichment_recap_answers (bot_name, user_id, range_from, range_to);
