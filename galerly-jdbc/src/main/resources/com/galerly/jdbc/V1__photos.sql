-- Copyright 2026 The Galerly Authors
-- SPDX-License-Identifier: Apache-2.0
--
-- Galerly photo records, schema version 1 (galerly-jdbc). JdbcPhotoRepository#createSchema() applies it once
-- and records it in galerly_schema_version; a migration tool (Flyway, Liquibase) can run it as it is.
-- Portable SQL: PostgreSQL 12+ (and Aurora PostgreSQL) and H2 2.x in PostgreSQL mode.
CREATE TABLE IF NOT EXISTS galerly_photo (
    gallery          VARCHAR(64)              NOT NULL,  -- GalleryId: [A-Za-z0-9_-]{1,64}
    id               VARCHAR(26)              NOT NULL,  -- PhotoId: time-ordered, so id order = upload order
    status           VARCHAR(32)              NOT NULL,  -- PENDING | PROCESSING | ACTIVE | FAILED (by name)
    owner            VARCHAR,
    original_key     VARCHAR                  NOT NULL,
    file_name        VARCHAR,
    content_type     VARCHAR,
    size_bytes       BIGINT                   NOT NULL,
    width            INTEGER                  NOT NULL,
    height           INTEGER                  NOT NULL,
    uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at     TIMESTAMP WITH TIME ZONE,
    renditions       VARCHAR,                            -- JSON array in profile order, null when none
    placeholder      VARCHAR,                            -- BlurHash
    error_code       VARCHAR(64),                        -- ErrorCode by name
    error_message    VARCHAR,
    version          BIGINT                   NOT NULL,  -- compare-and-set: every write adds one
    sequencer        VARCHAR,                            -- S3 event sequencer last claimed
    e_tag            VARCHAR,
    lease_token      VARCHAR,
    lease_expires_at TIMESTAMP WITH TIME ZONE,
    expires_at       TIMESTAMP WITH TIME ZONE,           -- PENDING records only: hidden and swept after it
    -- the primary key's index lists a gallery in upload order: WHERE gallery = ? AND id > ? ORDER BY id
    CONSTRAINT galerly_photo_pk PRIMARY KEY (gallery, id)
);

-- deleteExpiredPending(): DELETE ... WHERE status = 'PENDING' AND expires_at <= now
CREATE INDEX IF NOT EXISTS galerly_photo_expiry ON galerly_photo (expires_at);
