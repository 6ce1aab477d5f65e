-- One counter that every write transaction increments (with its audit entry). Because the
-- row is locked until commit, the value readers see grows in commit order on both engines,
-- so an instance can keep derived data (rendered-page inputs) and check it is current
-- with one cheap read.
CREATE TABLE data_version (
    id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
