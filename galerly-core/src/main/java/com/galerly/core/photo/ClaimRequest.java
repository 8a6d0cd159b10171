/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.PhotoKey;
import com.galerly.core.spi.Checks;
import java.time.Duration;

/**
 * A worker's request to process a photo's original, made for one S3 event.
 *
 * @param photo         the photo
 * @param originalKey   the original's storage key
 * @param eTag          the original's ETag as HEAD saw it
 * @param sequencer     the S3 event sequencer, or null (S3 Batch Operations carries none)
 * @param size          the original's size in bytes
 * @param contentType   the original's stored content type, or null
 * @param leaseToken    an unguessable token identifying this attempt
 * @param leaseDuration how long the claim protects the worker (about the function's timeout)
 * @param maxAttempts   how many claims of one upload may end without their worker finishing (its lease expired)
 *                      before the next claim marks the photo FAILED instead; 1..100
 * @param adoptUnknown  whether a claim of a key with no record creates one (a backfill of originals uploaded
 *                      outside Galerly); when false only an existing record can be claimed
 * @param profileFingerprint the fingerprint of the profile the worker renders with, or null: an ACTIVE photo of the
 *                      same upload rendered by another profile is claimed again (a re-profiling backfill), one
 *                      rendered by this profile is a DUPLICATE
 * @param rerenderVersion 0 for an ordinary claim; otherwise a forced re-render (a repair of missing renditions): the
 *                      {@link com.galerly.core.Photo#version()} of the ACTIVE record the repair was decided on. Such a
 *                      claim re-renders the same upload under a matching profile fingerprint, but only while the record
 *                      is still at that version, so a duplicated or late repair finds it changed and is a DUPLICATE
 */
public record ClaimRequest(PhotoKey photo, String originalKey, String eTag, String sequencer, long size,
                           String contentType, String leaseToken, Duration leaseDuration, int maxAttempts,
                           boolean adoptUnknown, String profileFingerprint, long rerenderVersion) {
    /** Default {@link #maxAttempts()}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    /** With {@link #DEFAULT_MAX_ATTEMPTS} and unknown keys adopted. */
    public ClaimRequest(PhotoKey photo, String originalKey, String eTag, String sequencer, long size,
                        String contentType, String leaseToken, Duration leaseDuration) {
        this(photo, originalKey, eTag, sequencer, size, contentType, leaseToken, leaseDuration, DEFAULT_MAX_ATTEMPTS,
                true, null);
    }

    /** A claim that does not compare profile fingerprints. */
    public ClaimRequest(PhotoKey photo, String originalKey, String eTag, String sequencer, long size,
                        String contentType, String leaseToken, Duration leaseDuration, int maxAttempts,
                        boolean adoptUnknown) {
        this(photo, originalKey, eTag, sequencer, size, contentType, leaseToken, leaseDuration, maxAttempts,
                adoptUnknown, null);
    }

    /** An ordinary claim (not a forced re-render). */
    public ClaimRequest(PhotoKey photo, String originalKey, String eTag, String sequencer, long size,
                        String contentType, String leaseToken, Duration leaseDuration, int maxAttempts,
                        boolean adoptUnknown, String profileFingerprint) {
        this(photo, originalKey, eTag, sequencer, size, contentType, leaseToken, leaseDuration, maxAttempts,
                adoptUnknown, profileFingerprint, 0);
    }

    /**
     * This claim as a forced re-render of the ACTIVE record at {@code version}: it re-renders even when the upload
     * and the profile fingerprint match, as long as the record is still at that version.
     */
    public ClaimRequest forcedAt(long version) {
        Checks.positive(version, "version");
        return new ClaimRequest(photo, originalKey, eTag, sequencer, size, contentType, leaseToken, leaseDuration,
                maxAttempts, adoptUnknown, profileFingerprint, version);
    }

    /** Whether this is a forced re-render ({@link #rerenderVersion()} set). */
    public boolean forced() {
        return rerenderVersion > 0;
    }

    public ClaimRequest {
        Checks.inRange(maxAttempts, 1, 100, "maxAttempts");
        Checks.notNull(photo, "photo");
        Checks.notBlank(originalKey, "originalKey");
        Checks.notBlank(eTag, "eTag");
        Checks.notNegative(size, "size");
        Checks.notBlank(leaseToken, "leaseToken");
        Checks.notNull(leaseDuration, "leaseDuration");
        Checks.notNegative(rerenderVersion, "rerenderVersion");
        if (leaseDuration.isNegative() || leaseDuration.isZero()) {
            throw new IllegalArgumentException("leaseDuration must be positive, was " + leaseDuration);
        }
    }
}
