-- V1: the WhisperEngine tables this service reads and writes, as in section 5 of whisperengine-reference.md.
--
-- The bots read these tables with their own SQL, so names and types are theirs. WhisperEngine's naive TIMESTAMP
-- columns hold UTC wall-clock values.
--
-- This script runs on an empty database and on an existing WhisperEngine database (Flyway baselines a database
-- without history at version 0, so V1 runs there too). On an existing database it never drops, rewrites or narrows
-- what is there:
--   * tables, indexes, the trigger function and the triggers are created only when absent (looked up by name);
--     an existing update_updated_at_column() is never replaced;
--   * a column that an older WhisperEngine version lacks is added, nullable or with the documented default;
--     fact_entities.search_vector is the exception: adding a stored generated column would rewrite every row,
--     so it is left out (with its index) where it is missing;
--   * the unique keys the upserts rely on are added only when no unique index covers the same columns;
--   * no CHECK or foreign key is added to, or removed from, an existing table (so the entity_type CHECK of the
--     older semantic_knowledge_graph_schema.sql variant is neither created nor dropped);
--   * universal_users.preferences, TEXT before WhisperEngine's 2025-10-19 migration, becomes JSONB only when every
--     value is a JSON object or blank (blank becomes {}). Otherwise the migration stops, naming the rows to fix,
--     and the whole script rolls back: nothing is changed.
-- Flyway runs this script in one transaction; on an up-to-date database it only takes brief locks.

-- Keep the log to what matters on an existing database: the "already exists, skipping" notices of every
-- IF NOT EXISTS are dropped; what this script actually changes there is reported as a WARNING.
SET LOCAL client_min_messages = warning;

-- pg_trgm backs the trigram index on entity names. Where it cannot be installed (not shipped, or no privilege),
-- everything else still works and that one index is skipped.
DO $do$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION
    WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE WARNING 'pg_trgm could not be installed (%); idx_fact_entities_name_trgm is not created', SQLERRM;
END
$do$;

-- alembic/versions/20251019_conversation_summaries.py
CREATE TABLE IF NOT EXISTS conversation_summaries (
    id                 SERIAL PRIMARY KEY,
    user_id            VARCHAR(255)     NOT NULL,
    bot_name           VARCHAR(100)     NOT NULL,
    summary_text       TEXT             NOT NULL,
    summary_type       VARCHAR(50)      NOT NULL DEFAULT 'time_window',
    start_timestamp    TIMESTAMP        NOT NULL,
    end_timestamp      TIMESTAMP        NOT NULL,
    message_count      INTEGER          NOT NULL,
    key_topics         VARCHAR[],
    emotional_tone     VARCHAR(50),
    compression_ratio  DOUBLE PRECISION,
    confidence_score   DOUBLE PRECISION DEFAULT 0.5,
    enrichment_version VARCHAR(20)      NOT NULL DEFAULT 'v1.0',
    created_at         TIMESTAMP        NOT NULL DEFAULT now(),
    updated_at         TIMESTAMP        NOT NULL DEFAULT now(),
    CONSTRAINT uq_conversation_summaries_window UNIQUE (user_id, bot_name, start_timestamp, end_timestamp)
);

-- sql/00_init.sql, with preferences as JSONB (a71d62f22c10)
CREATE TABLE IF NOT EXISTS universal_users (
    universal_id     VARCHAR(255) PRIMARY KEY,
    primary_username VARCHAR(255) NOT NULL,
    display_name     VARCHAR(255),
    email            VARCHAR(255),
    created_at       TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_active      TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    preferences      JSONB        DEFAULT '{}'::jsonb,
    privacy_settings TEXT         DEFAULT '{}'
);

-- sql/00_init.sql (knowledge graph); no CHECK on entity_type
CREATE TABLE IF NOT EXISTS fact_entities (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    entity_type   TEXT NOT NULL,
    entity_name   TEXT NOT NULL,
    category      TEXT,
    subcategory   TEXT,
    attributes    JSONB DEFAULT '{}'::jsonb,
    search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('english',
                      coalesce(entity_name, '') || ' ' || coalesce(category, '') || ' ' ||
                      coalesce(subcategory, '') || ' ' || coalesce(attributes ->> 'tags', ''))) STORED,
    created_at    TIMESTAMP DEFAULT now(),
    updated_at    TIMESTAMP DEFAULT now(),
    CONSTRAINT fact_entities_entity_type_entity_name_key UNIQUE (entity_type, entity_name)
);

CREATE TABLE IF NOT EXISTS user_fact_relationships (
    id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                VARCHAR(255) NOT NULL REFERENCES universal_users (universal_id) ON DELETE CASCADE,
    entity_id              UUID NOT NULL REFERENCES fact_entities (id) ON DELETE CASCADE,
    relationship_type      TEXT NOT NULL CHECK (length(relationship_type) > 0 AND length(relationship_type) <= 50),
    confidence             DOUBLE PRECISION DEFAULT 0.5 CHECK (confidence >= 0 AND confidence <= 1),
    strength               DOUBLE PRECISION DEFAULT 0.5 CHECK (strength >= 0 AND strength <= 1),
    emotional_context      TEXT,
    context_metadata       JSONB DEFAULT '{}'::jsonb,
    source_conversation_id TEXT,
    mentioned_by_character TEXT,
    source_platform        TEXT DEFAULT 'discord',
    related_entities       JSONB DEFAULT '[]'::jsonb,
    created_at             TIMESTAMP DEFAULT now(),
    updated_at             TIMESTAMP DEFAULT now(),
    CONSTRAINT user_fact_relationships_user_id_entity_id_relationship_type_key
        UNIQUE (user_id, entity_id, relationship_type)
);

CREATE TABLE IF NOT EXISTS entity_relationships (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    from_entity_id    UUID NOT NULL REFERENCES fact_entities (id) ON DELETE CASCADE,
    to_entity_id      UUID NOT NULL REFERENCES fact_entities (id) ON DELETE CASCADE,
    relationship_type TEXT NOT NULL CHECK (relationship_type IN
                          ('similar_to', 'part_of', 'category_of', 'related_to', 'opposite_of', 'requires')),
    weight            DOUBLE PRECISION DEFAULT 0.5 CHECK (weight >= 0 AND weight <= 1),
    bidirectional     BOOLEAN DEFAULT false,
    metadata          JSONB DEFAULT '{}'::jsonb,
    created_at        TIMESTAMP DEFAULT now(),
    CHECK (from_entity_id <> to_entity_id),
    UNIQUE (from_entity_id, to_entity_id, relationship_type)
);

-- Columns an older WhisperEngine database may lack. Checked in the catalog first, so an up-to-date table is not
-- locked by an ALTER TABLE. Columns without a default that are NOT NULL are each table's core and always present.
DO $do$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT * FROM (VALUES
            ('conversation_summaries', 'summary_type', $$VARCHAR(50) NOT NULL DEFAULT 'time_window'$$),
            ('conversation_summaries', 'key_topics', 'VARCHAR[]'),
            ('conversation_summaries', 'emotional_tone', 'VARCHAR(50)'),
            ('conversation_summaries', 'compression_ratio', 'DOUBLE PRECISION'),
            ('conversation_summaries', 'confidence_score', 'DOUBLE PRECISION DEFAULT 0.5'),
            ('conversation_summaries', 'enrichment_version', $$VARCHAR(20) NOT NULL DEFAULT 'v1.0'$$),
            ('conversation_summaries', 'created_at', 'TIMESTAMP NOT NULL DEFAULT now()'),
            ('conversation_summaries', 'updated_at', 'TIMESTAMP NOT NULL DEFAULT now()'),
            ('universal_users', 'display_name', 'VARCHAR(255)'),
            ('universal_users', 'email', 'VARCHAR(255)'),
            ('universal_users', 'created_at', 'TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP'),
            ('universal_users', 'last_active', 'TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP'),
            ('universal_users', 'preferences', $$JSONB DEFAULT '{}'::jsonb$$),
            ('universal_users', 'privacy_settings', $$TEXT DEFAULT '{}'$$),
            ('fact_entities', 'category', 'TEXT'),
            ('fact_entities', 'subcategory', 'TEXT'),
            ('fact_entities', 'attributes', $$JSONB DEFAULT '{}'::jsonb$$),
            ('fact_entities', 'created_at', 'TIMESTAMP DEFAULT now()'),
            ('fact_entities', 'updated_at', 'TIMESTAMP DEFAULT now()'),
            ('user_fact_relationships', 'confidence',
                'DOUBLE PRECISION DEFAULT 0.5 CHECK (confidence >= 0 AND confidence <= 1)'),
            ('user_fact_relationships', 'strength',
                'DOUBLE PRECISION DEFAULT 0.5 CHECK (strength >= 0 AND strength <= 1)'),
            ('user_fact_relationships', 'emotional_context', 'TEXT'),
            ('user_fact_relationships', 'context_metadata', $$JSONB DEFAULT '{}'::jsonb$$),
            ('user_fact_relationships', 'source_conversation_id', 'TEXT'),
            ('user_fact_relationships', 'mentioned_by_character', 'TEXT'),
            ('user_fact_relationships', 'source_platform', $$TEXT DEFAULT 'discord'$$),
            ('user_fact_relationships', 'related_entities', $$JSONB DEFAULT '[]'::jsonb$$),
            ('user_fact_relationships', 'created_at', 'TIMESTAMP DEFAULT now()'),
            ('user_fact_relationships', 'updated_at', 'TIMESTAMP DEFAULT now()'),
            ('entity_relationships', 'weight', 'DOUBLE PRECISION DEFAULT 0.5 CHECK (weight >= 0 AND weight <= 1)'),
            ('entity_relationships', 'bidirectional', 'BOOLEAN DEFAULT false'),
            ('entity_relationships', 'metadata', $$JSONB DEFAULT '{}'::jsonb$$),
            ('entity_relationships', 'created_at', 'TIMESTAMP DEFAULT now()')
        ) AS missing (table_name, column_name, definition)
    LOOP
        IF NOT EXISTS (SELECT 1
                         FROM pg_attribute
                        WHERE attrelid = to_regclass(quote_ident(c.table_name))
                          AND attname = c.column_name
                          AND NOT attisdropped) THEN
            EXECUTE format('ALTER TABLE %I ADD COLUMN %I %s', c.table_name, c.column_name, c.definition);
            RAISE WARNING 'added missing column %.%', c.table_name, c.column_name;
        END IF;
    END LOOP;
END
$do$;

-- universal_users.preferences was TEXT DEFAULT '{}' before 2025-10-19. Convert it only when no value would be lost
-- or become unusable as a preference object; otherwise fail with the rows to fix.
DO $do$
DECLARE
    column_type text;
    r           record;
    is_object   boolean;
    bad_count   integer := 0;
    bad_ids     text[]  := '{}';
BEGIN
    SELECT format_type(a.atttypid, a.atttypmod)
      INTO column_type
      FROM pg_attribute a
     WHERE a.attrelid = to_regclass('universal_users') AND a.attname = 'preferences' AND NOT a.attisdropped;

    IF column_type = 'jsonb' THEN
        RETURN;
    END IF;
    IF column_type IS NULL OR NOT (column_type = 'text' OR column_type LIKE 'character varying%') THEN
        RAISE EXCEPTION 'universal_users.preferences has type %, expected jsonb or text; nothing was changed',
            coalesce(column_type, 'none');
    END IF;

    FOR r IN
        SELECT universal_id, preferences
          FROM universal_users
         WHERE preferences IS NOT NULL AND btrim(preferences, E' \t\r\n') <> ''
         ORDER BY universal_id
    LOOP
        BEGIN
            is_object := jsonb_typeof(r.preferences::jsonb) = 'object';
        EXCEPTION
            WHEN data_exception THEN -- not valid JSON
                is_object := false;
        END;
        IF NOT is_object THEN
            bad_count := bad_count + 1;
            IF cardinality(bad_ids) < 20 THEN
                bad_ids := bad_ids || r.universal_id::text;
            END IF;
        END IF;
    END LOOP;

    IF bad_count > 0 THEN
        RAISE EXCEPTION 'universal_users.preferences is % and % value(s) are not a JSON object, so it cannot become jsonb without losing data; nothing was changed',
                column_type, bad_count
            USING DETAIL = format('universal_id of the rows to fix (first 20): %s', array_to_string(bad_ids, ', ')),
                  HINT = 'Make each of these values a JSON object, or set it to ''{}'' or NULL, then start the service again.';
    END IF;

    ALTER TABLE universal_users ALTER COLUMN preferences DROP DEFAULT;
    ALTER TABLE universal_users ALTER COLUMN preferences TYPE JSONB
        USING CASE WHEN btrim(preferences, E' \t\r\n') = '' THEN '{}'::jsonb ELSE preferences::jsonb END;
    ALTER TABLE universal_users ALTER COLUMN preferences SET DEFAULT '{}'::jsonb;
    RAISE WARNING 'converted universal_users.preferences from % to jsonb', column_type;
END
$do$;

-- Unique keys the service's upserts (ON CONFLICT) rely on, added only where no unique index covers those columns.
-- Adding one fails, naming the duplicated key, if existing rows already break it.
DO $do$
DECLARE
    k record;
BEGIN
    FOR k IN
        SELECT * FROM (VALUES
            ('conversation_summaries', ARRAY['bot_name', 'end_timestamp', 'start_timestamp', 'user_id'],
                'CONSTRAINT uq_conversation_summaries_window UNIQUE (user_id, bot_name, start_timestamp, end_timestamp)'),
            ('fact_entities', ARRAY['entity_name', 'entity_type'],
                'CONSTRAINT fact_entities_entity_type_entity_name_key UNIQUE (entity_type, entity_name)'),
            ('user_fact_relationships', ARRAY['entity_id', 'relationship_type', 'user_id'],
                'CONSTRAINT user_fact_relationships_user_id_entity_id_relationship_type_key UNIQUE (user_id, entity_id, relationship_type)'),
            ('entity_relationships', ARRAY['from_entity_id', 'relationship_type', 'to_entity_id'],
                'UNIQUE (from_entity_id, to_entity_id, relationship_type)')
        ) AS wanted (table_name, sorted_columns, definition)
    LOOP
        IF NOT EXISTS (SELECT 1
                         FROM pg_index i
                        WHERE i.indrelid = to_regclass(quote_ident(k.table_name))
                          AND i.indisunique
                          AND i.indpred IS NULL
                          AND i.indexprs IS NULL
                          AND ARRAY(SELECT a.attname::text
                                      FROM pg_attribute a
                                     WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                                     ORDER BY a.attname) = k.sorted_columns) THEN
            EXECUTE format('ALTER TABLE %I ADD %s', k.table_name, k.definition);
            RAISE WARNING 'added missing unique key on %', k.table_name;
        END IF;
    END LOOP;
END
$do$;

CREATE INDEX IF NOT EXISTS idx_conversation_summaries_user_bot ON conversation_summaries (user_id, bot_name);
CREATE INDEX IF NOT EXISTS idx_conversation_summaries_time ON conversation_summaries USING btree (start_timestamp, end_timestamp);
CREATE INDEX IF NOT EXISTS idx_conversation_summaries_created ON conversation_summaries USING btree (created_at);
CREATE INDEX IF NOT EXISTS idx_conversation_summaries_topics ON conversation_summaries USING gin (key_topics);

CREATE INDEX IF NOT EXISTS idx_universal_users_email ON universal_users (email);
CREATE INDEX IF NOT EXISTS idx_universal_users_username ON universal_users (primary_username);
CREATE INDEX IF NOT EXISTS idx_universal_users_preferences_gin ON universal_users USING gin (preferences);

CREATE INDEX IF NOT EXISTS idx_fact_entities_attributes ON fact_entities USING gin (attributes);
CREATE INDEX IF NOT EXISTS idx_fact_entities_category ON fact_entities (entity_type, category);
CREATE INDEX IF NOT EXISTS idx_fact_entities_name_lookup ON fact_entities (entity_name);
CREATE INDEX IF NOT EXISTS idx_fact_entities_type ON fact_entities (entity_type);
CREATE INDEX IF NOT EXISTS idx_fact_entities_type_lookup ON fact_entities (entity_type, entity_name);

DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_opclass WHERE opcname = 'gin_trgm_ops' AND pg_opclass_is_visible(oid)) THEN
        CREATE INDEX IF NOT EXISTS idx_fact_entities_name_trgm ON fact_entities USING gin (entity_name gin_trgm_ops);
    ELSE
        RAISE WARNING 'pg_trgm is not installed: idx_fact_entities_name_trgm is not created';
    END IF;
    IF EXISTS (SELECT 1
                 FROM pg_attribute
                WHERE attrelid = to_regclass('fact_entities') AND attname = 'search_vector' AND NOT attisdropped) THEN
        CREATE INDEX IF NOT EXISTS idx_fact_entities_search ON fact_entities USING gin (search_vector);
    END IF;
END
$do$;

CREATE INDEX IF NOT EXISTS idx_user_facts_character ON user_fact_relationships (user_id, mentioned_by_character, confidence DESC);
CREATE INDEX IF NOT EXISTS idx_user_facts_created ON user_fact_relationships (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_user_facts_emotional ON user_fact_relationships (user_id, emotional_context, confidence DESC);
CREATE INDEX IF NOT EXISTS idx_user_facts_entity ON user_fact_relationships (entity_id, confidence DESC);
CREATE INDEX IF NOT EXISTS idx_user_facts_lookup ON user_fact_relationships (user_id, confidence DESC, updated_at DESC);
CREATE INDEX IF NOT EXISTS idx_user_facts_related ON user_fact_relationships USING gin (related_entities);
CREATE INDEX IF NOT EXISTS idx_user_facts_type ON user_fact_relationships (user_id, relationship_type, confidence DESC);

CREATE INDEX IF NOT EXISTS idx_entity_rel_bidirectional ON entity_relationships (bidirectional, from_entity_id, to_entity_id);
CREATE INDEX IF NOT EXISTS idx_entity_rel_forward ON entity_relationships (from_entity_id, weight DESC);
CREATE INDEX IF NOT EXISTS idx_entity_rel_reverse ON entity_relationships (to_entity_id, weight DESC);
CREATE INDEX IF NOT EXISTS idx_entity_rel_type ON entity_relationships (relationship_type, weight DESC);

-- WhisperEngine's updated_at trigger. An existing function of that name is theirs and is left exactly as it is.
DO $do$
BEGIN
    IF NOT EXISTS (SELECT 1
                     FROM pg_proc p
                     JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE p.proname = 'update_updated_at_column'
                      AND p.pronargs = 0
                      AND n.nspname = current_schema()) THEN
        CREATE FUNCTION update_updated_at_column() RETURNS trigger
            LANGUAGE plpgsql
        AS $fn$
        BEGIN
            NEW.updated_at = now();
            RETURN NEW;
        END
        $fn$;
    END IF;

    IF NOT EXISTS (SELECT 1
                     FROM pg_trigger
                    WHERE tgrelid = to_regclass('fact_entities')
                      AND tgname = 'update_fact_entities_updated_at') THEN
        CREATE TRIGGER update_fact_entities_updated_at BEFORE UPDATE ON fact_entities
            FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
    END IF;

    IF NOT EXISTS (SELECT 1
                     FROM pg_trigger
                    WHERE tgrelid = to_regclass('user_fact_relationships')
                      AND tgname = 'update_user_fact_relationships_updated_at') THEN
        CREATE TRIGGER update_user_fact_relationships_updated_at BEFORE UPDATE ON user_fact_relationships
            FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
    END IF;
END
$do$;
