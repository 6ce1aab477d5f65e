-- Versions of what cached pages show, one row per scope ("programme:17",
-- "organisation:4", "places", "all"). A write bumps the scopes it changes in its own
-- transaction (see cache_versions.rs); a missing row is version 0. Writers to different
-- programmes no longer queue on one row, and a write invalidates only the pages that show
-- what it changed. Replaces the single data_version row of 0002.
CREATE TABLE cache_versions (
    scope TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
DROP TABLE data_version;
