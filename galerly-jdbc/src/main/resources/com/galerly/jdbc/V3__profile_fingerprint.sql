-- Copyright 2026 The Galerly Authors
-- SPDX-License-Identifier: Apache-2.0
--
-- Schema version 3: the fingerprint of the rendition profile that rendered a photo's recorded renditions
-- (Photo#profileFingerprint); a backfill re-renders the photos whose fingerprint differs from the current one.
ALTER TABLE galerly_photo ADD COLUMN IF NOT EXISTS profile_fingerprint VARCHAR;
