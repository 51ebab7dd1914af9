-- Rows as WhisperEngine's bots and enrichment worker write them (whisperengine-reference.md sections 2.5, 3.4-3.6).
-- Every value is explicit, so loading this file twice gives identical rows.

INSERT INTO universal_users (universal_id, primary_username, display_name, email, created_at, last_active, preferences, privacy_settings) VALUES
('672814231002939413', 'markanthony', 'Mark', NULL, '2025-09-02 18:11:05.120331', '2025-10-26 21:40:12.558001',
 '{"preferred_name": {"value": "Mark", "confidence": 0.95, "updated_at": "2025-10-19T02:30:00.123456+00:00",
                      "metadata": {"extraction_method": "enrichment_worker", "reasoning": "User said: call me Mark",
                                   "conversation_context": "introductions", "is_explicit": true,
                                   "is_preference_change": false, "bot_name": "elena"}},
   "communication_style": {"value": "casual", "confidence": 0.80, "updated_at": "2025-10-20T14:02:51.004211",
                           "metadata": {"detected_pattern": "keep it casual", "source_message": "hey just keep it casual ok",
                                        "channel_id": "1163271874521292871", "detection_method": "regex_pattern"}}}',
 '{}'),
('1008886439108411472', 'user_08411472', 'User 411472', NULL, '2025-10-19 02:29:58.000001', '2025-10-25 08:00:00', '{}', '{}'),
('enrichment_test_1760897370', 'user_60897370', 'User 897370', 'qa@example.org', '2025-10-19 18:09:30', '2025-10-19 18:09:30', NULL, '{"share_facts": false}'),
('294731958123008000', 'zoe.w', 'Zoë 🌿', NULL, '2025-08-14 09:00:00.5', '2025-10-27 07:12:44.98',
 '{"favorite_foods": {"value": ["ramen", "crème brûlée"], "confidence": 0.82, "updated_at": "2025-10-27T07:12:44.980000+00:00",
                      "metadata": {"extraction_method": "enrichment_worker", "is_explicit": false, "bot_name": "elena"}},
   "timezone": {"value": "Europe/Berlin", "confidence": 0.6, "updated_at": "2025-10-21T10:00:00+00:00", "metadata": {}}}',
 NULL);

INSERT INTO fact_entities (id, entity_type, entity_name, category, subcategory, attributes, created_at, updated_at) VALUES
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0001', 'food', 'pizza', 'food', NULL,
 '{"extraction_method": "enrichment_worker", "extracted_at": "2025-10-19T02:31:44.901233+00:00", "tags": []}',
 '2025-10-19 02:31:44.902', '2025-10-19 02:31:44.902'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0002', 'hobby', 'hiking', 'hobby', NULL,
 '{"extraction_method": "enrichment_worker", "extracted_at": "2025-10-19T02:31:45.100000+00:00", "tags": ["outdoors", "trail"],
   "semantic_attributes": ["weekend activity"]}',
 '2025-10-19 02:31:45.1', '2025-10-24 11:05:09.77'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0003', 'hobby', 'trail running', 'hobby', NULL,
 '{"extraction_method": "enrichment_worker", "extracted_at": "2025-10-24T11:05:09.771000+00:00", "tags": []}',
 '2025-10-24 11:05:09.771', '2025-10-24 11:05:09.771'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0004', 'location', 'Portland', 'location', NULL,
 '{"extraction_method": "enrichment_worker", "extracted_at": "2025-10-19T02:31:46.000000+00:00", "tags": []}',
 '2025-10-19 02:31:46', '2025-10-19 02:31:46'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0005', 'pet', 'Luna', NULL, NULL, '{}', '2025-09-30 20:14:00', '2025-09-30 20:14:00'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0006', 'food', 'crème brûlée', 'food', NULL,
 '{"extraction_method": "enrichment_worker", "extracted_at": "2025-10-27T07:12:45.000000+00:00", "tags": ["dessert"]}',
 '2025-10-27 07:12:45', '2025-10-27 07:12:45'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0007', 'place', 'Joe''s Diner', 'place', 'restaurant', '{"tags": ["food", "local"]}',
 '2025-10-02 12:00:00', '2025-10-02 12:00:00'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0008', '_processing_marker', 'elena_672814231002939413_fact', '_marker', NULL,
 '{"type": "enrichment_fact_progress"}', '2025-10-25 14:00:00.000001', '2025-10-26 21:40:12.558001'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0009', '_processing_marker', 'elena_672814231002939413_preference', '_marker', NULL,
 '{"type": "enrichment_preference_progress"}', '2025-10-25 14:00:00.2', '2025-10-26 21:40:13'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0010', '_processing_marker', 'elena_7d_1008886439108411472', '_marker', NULL,
 '{"type": "enrichment_progress"}', '2025-10-23 09:00:00', '2025-10-24 23:59:59.999999'),
('0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0011', 'occupation', 'marine biologist', NULL, NULL, '{}', '2025-10-12 16:45:31.5', '2025-10-12 16:45:31.5');

INSERT INTO user_fact_relationships (id, user_id, entity_id, relationship_type, confidence, strength, emotional_context,
                                     context_metadata, source_conversation_id, mentioned_by_character, source_platform,
                                     related_entities, created_at, updated_at) VALUES
-- enrichment-worker facts
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000001', '672814231002939413', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0001', 'likes', 0.85, 0.5, 'neutral',
 '{"confirmation_count": 1, "related_facts": [], "temporal_context": null, "reasoning": "User said pizza is their go-to dinner",
   "source_messages": [], "extraction_method": "enrichment_worker", "extracted_at": "2025-10-19T02:31:44.901233+00:00",
   "latest_message_timestamp": "2025-10-18T23:23:30.655569", "conversation_window_size": 1, "multi_message_confirmed": false,
   "bot_name": "elena"}',
 NULL, 'elena', 'discord', '[]', '2025-10-19 02:31:44.903', '2025-10-19 02:31:44.903'),
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000002', '672814231002939413', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0002', 'enjoys', 0.9, 0.5, 'neutral',
 '{"confirmation_count": 1, "related_facts": [], "temporal_context": null, "reasoning": "Hikes every weekend",
   "source_messages": [], "extraction_method": "enrichment_worker", "extracted_at": "2025-10-24T11:05:09.771000+00:00",
   "latest_message_timestamp": "2025-10-24T10:58:00", "conversation_window_size": 3, "multi_message_confirmed": false,
   "bot_name": "elena"}',
 NULL, 'elena', 'discord', '[{"entity_id": "0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0003", "relation": "similar_to", "weight": 0.45}]',
 '2025-10-19 02:31:45.2', '2025-10-24 11:05:09.8'),
-- a fact the timestamp backfill touched
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000003', '672814231002939413', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0004', 'lives_in', 0.95, 0.5, 'neutral',
 '{"confirmation_count": 1, "reasoning": "Mentioned moving to Portland", "extraction_method": "enrichment_worker",
   "extracted_at": "2025-10-19T02:31:46.000000+00:00", "bot_name": "elena",
   "latest_message_timestamp": "2025-10-18T21:02:11.001", "backfilled_at": "2025-10-22T09:15:00.424242",
   "backfill_reason": "missing_timestamp_fix_oct2025"}',
 NULL, 'elena', 'discord', '[]', '2025-10-19 02:31:46.1', '2025-10-22 09:15:00.424242'),
-- processing markers (section 3.5), current and legacy
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000004', '672814231002939413', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0008', '_enrichment_fact_marker', 1.0, 0.5, NULL,
 '{"latest_message_timestamp": "2025-10-26T21:38:02.117842", "bot_name": "elena", "marker_type": "enrichment_fact_progress"}',
 NULL, NULL, 'discord', '[]', '2025-10-25 14:00:00.000002', '2025-10-26 21:40:12.558002'),
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000005', '672814231002939413', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0009', '_enrichment_preference_marker', 1.0, 0.5, NULL,
 '{"latest_message_timestamp": "2025-10-26T21:38:02.117842", "bot_name": "elena", "marker_type": "enrichment_preference_progress"}',
 NULL, NULL, 'discord', '[]', '2025-10-25 14:00:00.3', '2025-10-26 21:40:13.1'),
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000006', '1008886439108411472', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0010', '_enrichment_progress_marker', 1.0, 0.5, NULL,
 '{"latest_message_timestamp": "2025-10-24T23:50:00", "bot_name": "elena_7d", "marker_type": "enrichment_progress"}',
 NULL, NULL, 'discord', '[]', '2025-10-23 09:00:00', '2025-10-24 23:59:59.999999'),
-- inline (bot hot-path) facts: metadata left at {}
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000007', '1008886439108411472', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0011', 'works_as', 0.7, 0.5, 'joy',
 '{}', '1163271874521292871', 'marcus', 'discord', '[]', '2025-10-12 16:45:31.6', '2025-10-12 16:45:31.6'),
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000008', '1008886439108411472', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0005', 'owns', 0.7, 0.5, 'love',
 '{}', '1163271874521292871', 'elena_7d', 'discord', '[]', '2025-09-30 20:14:00.01', '2025-09-30 20:14:00.01'),
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000009', '294731958123008000', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0006', 'loves', 0.8, 0.6, 'joy',
 '{"confirmation_count": 1, "extraction_method": "enrichment_worker", "bot_name": "elena",
   "latest_message_timestamp": "2025-10-27T07:10:00.5"}',
 NULL, 'elena', 'discord', '[]', '2025-10-27 07:12:45.1', '2025-10-27 07:12:45.1'),
('5d0c9e7e-1f3b-4b0a-8d55-7c1e00000010', '294731958123008000', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0007', 'visited', 0.55, NULL, NULL,
 '{}', NULL, NULL, NULL, NULL, NULL, NULL);

INSERT INTO entity_relationships (id, from_entity_id, to_entity_id, relationship_type, weight, bidirectional, metadata, created_at) VALUES
('9e3f4a10-2b6c-4e1d-a7f0-0d2b00000001', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0002', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0003', 'similar_to', 0.45, true, '{}', '2025-10-24 11:05:09.9'),
('9e3f4a10-2b6c-4e1d-a7f0-0d2b00000002', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0003', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0002', 'similar_to', 0.45, true, '{}', '2025-10-24 11:05:09.9'),
('9e3f4a10-2b6c-4e1d-a7f0-0d2b00000003', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0001', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0006', 'related_to', 0.8, false,
 '{"source": "intra_batch"}', '2025-10-27 07:12:45.2'),
('9e3f4a10-2b6c-4e1d-a7f0-0d2b00000004', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0007', '0b7a1c52-6a0e-4d59-9a8c-3f0e6d1a0001', 'category_of', NULL, NULL, NULL, NULL);

-- ids come from the serial sequence, in this order: 1, 2, 3, 4
INSERT INTO conversation_summaries (user_id, bot_name, summary_text, summary_type, start_timestamp, end_timestamp, message_count,
                                    key_topics, emotional_tone, compression_ratio, confidence_score, enrichment_version,
                                    created_at, updated_at) VALUES
('672814231002939413', 'elena',
 'The user told Elena they had just moved to Portland and spend most weekends hiking. They asked about marine biology careers and said pizza is their usual dinner.',
 'time_window', '2025-10-18 00:00:00', '2025-10-18 23:23:30.655569', 14,
 ARRAY['marine biology', 'hiking', 'Portland']::varchar[], 'neutral', 0.0873, 0.8, 'v1.0',
 '2025-10-19 02:31:40.5', '2025-10-19 02:31:40.5'),
-- the historic placeholder (section 2.5), under the pre-235e396 bot name
('1008886439108411472', 'elena_7d',
 'Conversation with 12 messages between user and elena_7d. Topics and details discussed.',
 'time_window', '2025-10-18 06:12:00.25', '2025-10-19 06:12:00.25', 12,
 ARRAY['general conversation']::varchar[], 'neutral', 0.0138, 0.8, 'v1.0',
 '2025-10-19 06:30:00', '2025-10-19 06:30:00'),
('672814231002939413', 'marcus',
 'The user and Marcus compared notes on trail running shoes.',
 'time_window', '2025-10-24 10:00:00', '2025-10-24 10:58:00', 6,
 NULL, NULL, NULL, 0.5, 'v1.0',
 '2025-10-24 11:06:00', '2025-10-24 11:06:00'),
('294731958123008000', 'elena',
 'Zoë told Elena about a dessert she loves and a diner she visited, and said she lives in Berlin time.',
 'time_window', '2025-10-26 07:12:44', '2025-10-27 07:12:44', 9,
 ARRAY['crème brûlée', '"quoted" topic', 'a,b', 'Joe''s Diner']::varchar[], 'positive', 0.21, 0.6, 'v1.0',
 '2025-10-27 07:13:00.000001', '2025-10-27 07:15:00.999999');

INSERT INTO enrichment_processing_log (user_id, bot_name, point_id, processing_type, processed_at, feedback_type, confidence) VALUES
('672814231002939413', 'elena', '3f6e2b8c-0a4d-4f39-b0f6-6f8e9b2d1a11', 'emoji_feedback', '2025-10-26 21:41:00', 'CONVERSATIONAL', 0.5),
('294731958123008000', 'elena', 'c0ffee00-1234-4abc-9def-0123456789ab', 'emoji_feedback', '2025-10-27 07:20:00.123', NULL, NULL);
