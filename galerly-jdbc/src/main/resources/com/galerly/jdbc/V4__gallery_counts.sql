-- Copyright 2026 The Galerly Authors
-- SPDX-License-Identifier: Apache-2.0
--
-- Schema version 4: each gallery's ACTIVE photos and the bytes their rows name (size_bytes plus every
-- rendition's bytes), read with one SELECT. JdbcPhotoRepository changes a gallery's row in the same transaction
-- as the photo row whose write changes what it counts, by the difference. createSchema() fills it for the rows
-- already there when it applies this script (in the same transaction); a migration tool that runs this file
-- alone leaves it empty, then JdbcPhotoRepository#recount(gallery) fills a gallery's row.
CREATE TABLE IF NOT EXISTS galerly_gallery (
    gallery VARCHAR(64) NOT NULL,   -- GalleryId
    photos  BIGINT      NOT NULL,   -- ACTIVE photos
    bytes   BIGINT      NOT NULL,   -- their originals and renditions, as their rows name them
    CONSTRAINT galerly_gallery_pk PRIMARY KEY (gallery)
);
