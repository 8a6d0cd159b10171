/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.spi.Checks;
import java.util.Optional;

/**
 * What a claim found.
 *
 * @param verdict what the claim found
 * @param photo   the record after the claim (the claimed record, or the one that refused it; null only when
 *                the verdict is STALE for a record that does not exist)
 */
public record ClaimResult(Verdict verdict, Photo photo) {
    /** What a claim can find. */
    public enum Verdict {
        /** The caller holds the lease and must finish with complete, fail or release. */
        CLAIMED,
        /** This exact original was already processed (ACTIVE) or refused (FAILED): nothing to do. */
        DUPLICATE,
        /** The record already reflects a newer upload of the key: this event is obsolete. */
        STALE,
        /** Another worker holds an unexpired lease; retry after it expires. */
        BUSY,
        /**
         * The previous workers' leases expired {@code maxAttempts} times without a result: the photo is now
         * FAILED (LIMIT_EXCEEDED, the reason in its message), and the repository wrote that record.
         */
        GAVE_UP,
        /** The photo was deleted (a tombstone) or has no record and unknown keys are not adopted: nothing to do. */
        GONE
    }

    public ClaimResult {
        Checks.notNull(verdict, "verdict");
        if (verdict == Verdict.CLAIMED && (photo == null || photo.lease() == null)) {
            throw new IllegalArgumentException("a CLAIMED result needs the leased photo");
        }
    }

    public boolean claimed() {
        return verdict == Verdict.CLAIMED;
    }

    /** Whether the repository must write {@link #photo()}: a claim, or a photo given up on. */
    public boolean writes() {
        return verdict == Verdict.CLAIMED || verdict == Verdict.GAVE_UP;
    }

    /** The lease to finish with, when claimed. */
    public Optional<Lease> lease() {
        return claimed() ? Optional.of(photo.lease()) : Optional.empty();
    }
}
