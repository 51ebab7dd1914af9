-- Points written behind a collection's discovery cursor are never discovered (discovery reads from the cursor on).
-- The admin status counts them: the number of points dated before late_boundary, as counted at late_checked_at;
-- when a later count with the same boundary is higher, the difference arrived late and is added to late_points.
ALTER TABLE enrichment_discovery_cursors
    ADD COLUMN late_boundary timestamptz,
    ADD COLUMN late_boundary_count bigint,
    ADD COLUMN late_checked_at timestamptz,
    ADD COLUMN late_points bigint NOT NULL DEFAULT 0,
    ADD COLUMN late_seen_at timestamptz;
