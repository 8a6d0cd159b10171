/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

/**
 * Where a photo is in its life. Transitions are conditional writes in the {@code PhotoRepository}:
 * PENDING -> PROCESSING -> ACTIVE | FAILED | REJECTED, and ACTIVE or FAILED -> PROCESSING again when a newer
 * upload replaces the original. REJECTED is final. Deleting leaves a DELETED tombstone for a while
 * ({@code PhotoTransitions.TOMBSTONE_TTL}), so no replayed upload or late event brings the photo back.
 */
public enum PhotoStatus {
    /** An upload was requested; the original has not been processed yet (it may never arrive). */
    PENDING,
    /** A worker holds the lease and is rendering. */
    PROCESSING,
    /** Every rendition is written and recorded. */
    ACTIVE,
    /** The original can never be rendered (the record carries the error code). */
    FAILED,
    /**
     * The upload was refused by the trust path for what it is (declared type differs from the content, active
     * content, infected, a duplicate the policy refuses); the incoming object is deleted and the record carries
     * the error code and message. Final: a replayed upload for the photo is refused too.
     */
    REJECTED,
    /**
     * A tombstone: the photo was deleted. Repositories never return it from {@code get}, {@code getAll} or
     * {@code list}; claims of it are refused until it expires ({@link Photo#expiresAt()}).
     */
    DELETED
}
