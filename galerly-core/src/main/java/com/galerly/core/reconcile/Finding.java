/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.reconcile;

import com.galerly.core.PhotoKey;
import com.galerly.core.spi.Checks;

/**
 * One thing a reconciliation found.
 *
 * @param kind   what is wrong
 * @param photo  the photo concerned (for an orphan, the photo its key names)
 * @param key    the object concerned, or null for a finding about a record alone
 * @param detail a short human-readable explanation
 */
public record Finding(FindingKind kind, PhotoKey photo, String key, String detail) {
    public Finding {
        Checks.notNull(kind, "kind");
        Checks.notNull(photo, "photo");
        Checks.notNull(detail, "detail");
    }
}
