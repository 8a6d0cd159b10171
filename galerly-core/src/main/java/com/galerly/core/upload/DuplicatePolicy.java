/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

/** What the trust path does with an upload whose bytes a photo of the same gallery already holds. */
public enum DuplicatePolicy {
    /** Refuse it: the photo ends REJECTED with {@code DUPLICATE}, naming the photo that holds the bytes. */
    REJECT,
    /**
     * Resolve it to the existing photo: the upload and its record are deleted and the outcome or confirmation
     * names the existing photo. No second copy is stored.
     */
    LINK,
    /** Keep both: the upload becomes a photo of its own (its digest is still recorded on the record). */
    KEEP_BOTH
}
