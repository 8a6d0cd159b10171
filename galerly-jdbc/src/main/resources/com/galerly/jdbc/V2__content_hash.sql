-- Copyright 2026 The Galerly Authors
-- SPDX-License-Identifier: Apache-2.0
--
-- The original's SHA-256 (lower-case hex) recorded when it is promoted out of quarantine; null before.
-- REJECTED (a refused upload) is a status like the others: stored by name, no schema change.
ALTER TABLE galerly_photo ADD COLUMN IF NOT EXISTS sha256 VARCHAR(64);
