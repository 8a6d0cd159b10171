/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.reconcile;

/** What a reconciliation found wrong between the bucket and the records, and how {@code --repair} fixes it. */
public enum FindingKind {
    /** A rendition no record references (left by a crash, a replace or a re-profiling). Repair: delete it. */
    ORPHAN_RENDITION,
    /**
     * An original, or an upload still in quarantine, whose photo has no record (its upload expired, or its record was
     * deleted). Repair: delete it.
     */
    ORPHAN_ORIGINAL,
    /** An ACTIVE record names a rendition that is not in the bucket. Repair: render the photo again. */
    MISSING_RENDITION,
    /**
     * A PENDING record past its expiry whose original arrived: its event was lost. Repair: render it. (A repository
     * that still lists one whose upload never came gets it deleted.)
     */
    EXPIRED_PENDING,
    /** A PROCESSING record whose worker's lease expired (the worker died). Repair: release it and render it again. */
    EXPIRED_LEASE,
    /** An ACTIVE record rendered by another profile than the current one. Repair: render it with the current one. */
    FINGERPRINT_DRIFT
}
