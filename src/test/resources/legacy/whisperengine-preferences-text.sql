-- universal_users as it was before WhisperEngine's migration a71d62f22c10 (2025-10-19): preferences TEXT DEFAULT '{}'
-- and no GIN index. Applied after whisperengine-schema.sql and whisperengine-data.sql.

DROP INDEX idx_universal_users_preferences_gin;
ALTER TABLE universal_users ALTER COLUMN preferences DROP DEFAULT;
ALTER TABLE universal_users ALTER COLUMN preferences TYPE TEXT USING preferences::text;
ALTER TABLE universal_users ALTER COLUMN preferences SET DEFAULT '{}';

-- Values as Python's json.dumps and the column default left them.
INSERT INTO universal_users (universal_id, primary_username, display_name, created_at, last_active, preferences) VALUES
('text_prefs_python_dump', 'user_ton_dump', 'User n_dump', '2025-10-01 10:00:00', '2025-10-01 10:00:00',
 '{"preferred_name": {"value": "Sam", "confidence": 0.9, "metadata": {"is_explicit": true}},   "b": [1, 2.50, null]}'),
('text_prefs_empty', 'user_fs_empty', 'User _empty', '2025-10-02 10:00:00', '2025-10-02 10:00:00', ''),
('text_prefs_blank', 'user_fs_blank', 'User _blank', '2025-10-03 10:00:00', '2025-10-03 10:00:00', E'  \n\t'),
('text_prefs_default', 'user__default', 'User efault', '2025-10-04 10:00:00', '2025-10-04 10:00:00', DEFAULT);
