-- A WhisperEngine database as production has it (whisperengine-reference.md section 5), without any Flyway history.
-- Typed from the reference for the migration tests; not used by the application.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ language 'plpgsql';

-- alembic/versions/20251019_conversation_summaries.py
CREATE TABLE conversation_summaries (
  id                 SERIAL PRIMARY KEY,
  user_id            VARCHAR(255) NOT NULL,
  bot_name           VARCHAR(100) NOT NULL,
  summary_text       TEXT NOT NULL,
  summary_type       VARCHAR(50)  NOT NULL DEFAULT 'time_window',
  start_timestamp    TIMESTAMP    NOT NULL,
  end_timestamp      TIMESTAMP    NOT NULL,
  message_count      INTEGER      NOT NULL,
  key_topics         VARCHAR[]    NULL,
  emotional_tone     VARCHAR(50)  NULL,
  compression_ratio  DOUBLE PRECISION NULL,
  confidence_score   DOUBLE PRECISION NULL DEFAULT 0.5,
  enrichment_version VARCHAR(20)  NOT NULL DEFAULT 'v1.0',
  created_at         TIMESTAMP    NOT NULL DEFAULT now(),
  updated_at         TIMESTAMP    NOT NULL DEFAULT now(),
  CONSTRAINT uq_conversation_summaries_window UNIQUE (user_id, bot_name, start_timestamp, end_timestamp)
);
CREATE INDEX idx_conversation_summaries_user_bot ON conversation_summaries (user_id, bot_name);
CREATE INDEX idx_conversation_summaries_time     ON conversation_summaries USING btree (start_timestamp, end_timestamp);
CREATE INDEX idx_conversation_summaries_created  ON conversation_summaries USING btree (created_at);
CREATE INDEX idx_conversation_summaries_topics   ON conversation_summaries USING gin (key_topics);

-- sql/00_init.sql, after a71d62f22c10 (preferences TEXT -> JSONB)
CREATE TABLE universal_users (
  universal_id     VARCHAR(255) PRIMARY KEY,
  primary_username VARCHAR(255) NOT NULL,
  display_name     VARCHAR(255),
  email            VARCHAR(255),
  created_at       TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_active      TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  preferences      JSONB DEFAULT '{}'::jsonb,
  privacy_settings TEXT  DEFAULT '{}'
);
CREATE INDEX idx_universal_users_email    ON universal_users (email);
CREATE INDEX idx_universal_users_username ON universal_users (primary_username);
CREATE INDEX idx_universal_users_preferences_gin ON universal_users USING gin (preferences);

-- sql/00_init.sql (knowledge graph)
CREATE TABLE fact_entities (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type   TEXT NOT NULL,
  entity_name   TEXT NOT NULL,
  category      TEXT,
  subcategory   TEXT,
  attributes    JSONB DEFAULT '{}'::jsonb,
  search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('english',
                  coalesce(entity_name,'')||' '||coalesce(category,'')||' '||coalesce(subcategory,'')||' '||
                  coalesce(attributes->>'tags',''))) STORED,
  created_at    TIMESTAMP DEFAULT now(),
  updated_at    TIMESTAMP DEFAULT now(),
  CONSTRAINT fact_entities_entity_type_entity_name_key UNIQUE (entity_type, entity_name)
);
CREATE INDEX idx_fact_entities_attributes  ON fact_entities USING gin (attributes);
CREATE INDEX idx_fact_entities_category    ON fact_entities (entity_type, category);
CREATE INDEX idx_fact_entities_name_lookup ON fact_entities (entity_name);
CREATE INDEX idx_fact_entities_name_trgm   ON fact_entities USING gin (entity_name gin_trgm_ops);
CREATE INDEX idx_fact_entities_search      ON fact_entities USING gin (search_vector);
CREATE INDEX idx_fact_entities_type        ON fact_entities (entity_type);
CREATE INDEX idx_fact_entities_type_lookup ON fact_entities (entity_type, entity_name);
CREATE TRIGGER update_fact_entities_updated_at BEFORE UPDATE ON fact_entities
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE user_fact_relationships (
  id                     UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id                VARCHAR(255) NOT NULL REFERENCES universal_users(universal_id) ON DELETE CASCADE,
  entity_id              UUID NOT NULL REFERENCES fact_entities(id) ON DELETE CASCADE,
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
  CONSTRAINT user_fact_relationships_user_id_entity_id_relationship_type_key UNIQUE (user_id, entity_id, relationship_type)
);
CREATE INDEX idx_user_facts_character ON user_fact_relationships (user_id, mentioned_by_character, confidence DESC);
CREATE INDEX idx_user_facts_created   ON user_fact_relationships (user_id, created_at DESC);
CREATE INDEX idx_user_facts_emotional ON user_fact_relationships (user_id, emotional_context, confidence DESC);
CREATE INDEX idx_user_facts_entity    ON user_fact_relationships (entity_id, confidence DESC);
CREATE INDEX idx_user_facts_lookup    ON user_fact_relationships (user_id, confidence DESC, updated_at DESC);
CREATE INDEX idx_user_facts_related   ON user_fact_relationships USING gin (related_entities);
CREATE INDEX idx_user_facts_type      ON user_fact_relationships (user_id, relationship_type, confidence DESC);
CREATE TRIGGER update_user_fact_relationships_updated_at BEFORE UPDATE ON user_fact_relationships
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE entity_relationships (
  id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  from_entity_id    UUID NOT NULL REFERENCES fact_entities(id) ON DELETE CASCADE,
  to_entity_id      UUID NOT NULL REFERENCES fact_entities(id) ON DELETE CASCADE,
  relationship_type TEXT NOT NULL CHECK (relationship_type IN
                    ('similar_to','part_of','category_of','related_to','opposite_of','requires')),
  weight            DOUBLE PRECISION DEFAULT 0.5 CHECK (weight >= 0 AND weight <= 1),
  bidirectional     BOOLEAN DEFAULT false,
  metadata          JSONB DEFAULT '{}'::jsonb,
  created_at        TIMESTAMP DEFAULT now(),
  CHECK (from_entity_id <> to_entity_id),
  UNIQUE (from_entity_id, to_entity_id, relationship_type)
);
CREATE INDEX idx_entity_rel_bidirectional ON entity_relationships (bidirectional, from_entity_id, to_entity_id);
CREATE INDEX idx_entity_rel_forward ON entity_relationships (from_entity_id, weight DESC);
CREATE INDEX idx_entity_rel_reverse ON entity_relationships (to_entity_id, weight DESC);
CREATE INDEX idx_entity_rel_type    ON entity_relationships (relationship_type, weight DESC);

-- alembic/versions/20251026_emoji_feedback_processing_log.py: not ours, must survive untouched
CREATE TABLE enrichment_processing_log (
  user_id         VARCHAR(255) NOT NULL,
  bot_name        VARCHAR(100) NOT NULL,
  point_id        VARCHAR(255) NOT NULL,
  processing_type VARCHAR(50)  NOT NULL,
  processed_at    TIMESTAMP    NOT NULL DEFAULT now(),
  feedback_type   VARCHAR(50),
  confidence      DOUBLE PRECISION,
  CONSTRAINT pk_enrichment_processing_log PRIMARY KEY (user_id, bot_name, point_id, processing_type)
);
CREATE INDEX idx_enrichment_log_lookup       ON enrichment_processing_log (user_id, bot_name, processing_type);
CREATE INDEX idx_enrichment_log_processed_at ON enrichment_processing_log (processed_at);
