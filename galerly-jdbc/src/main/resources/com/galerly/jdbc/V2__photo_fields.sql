-- Copyright 2026 The Galerly Authors
-- SPDX-License-Identifier: Apache-2.0
--
-- Galerly photo records, schema version 2: the original's SHA-256 (lower-case hex) recorded when it is
-- promoted out of quarantine (null before), and how many claims of the current upload ended without a result
-- (expired leases). REJECTED (a refused upload) and DELETED (a tombstone, swept with expired PENDING records)
-- are statuses like the others: stored by name, no schema change.
ALTER TABLE galerly_photo ADD COLUMN IF NOT EXISTS sha256 VARCHAR(64);
ALTER TABLE galerly_photo ADD COLUMN IF NOT EXISTS attempts INTEGER NOT NULL DEFAULT 0;
