-- An older WhisperEngine database: columns that later versions added are missing, among other things. Applied after
-- whisperengine-schema.sql and whisperengine-data.sql (dropping a column also drops the indexes on it).

ALTER TABLE universal_users DROP COLUMN privacy_settings;
ALTER TABLE fact_entities DROP COLUMN search_vector, DROP COLUMN subcategory;
ALTER TABLE user_fact_relationships DROP COLUMN related_entities, DROP COLUMN strength, DROP COLUMN source_platform;
ALTER TABLE entity_relationships DROP COLUMN metadata;
ALTER TABLE conversation_summaries DROP COLUMN enrichment_version, DROP COLUMN compression_ratio;

-- ... and a unique key, an index and a trigger that a hand-built database may lack.
ALTER TABLE conversation_summaries DROP CONSTRAINT uq_conversation_summaries_window;
DROP INDEX idx_user_facts_type;
DROP TRIGGER update_user_fact_relationships_updated_at ON user_fact_relationships;
