/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.reconcile;

import com.galerly.core.spi.Checks;
import java.time.Instant;

/**
 * One current object of the bucket as a reconciliation sees it: a row of an S3 Inventory report, or a key of a
 * listing.
 *
 * @param key          the object key
 * @param size         bytes, or -1 when the source does not say
 * @param lastModified when it was written, or null when the source does not say (the reconciler then asks the
 *                     store before calling it an orphan)
 */
public record StoredObject(String key, long size, Instant lastModified) {
    public StoredObject {
        Checks.notBlank(key, "key");
    }

    /** A key known from a listing only. */
    public static StoredObject listed(String key) {
        return new StoredObject(key, -1, null);
    }
}
